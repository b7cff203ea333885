// Draws the add-in's icons (addin/public/assets/icon-<size>.png and outline-32.png): a pen signing a line on the
// brand's deep blue rounded square, as SVG rasterised by Debian's Chromium, so the PNGs can be redrawn exactly.
// Run: npx tsx scripts/draw-icons.ts   (then commit the PNGs; Vite copies addin/public/ into the build)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../addin/public/assets');
const BLUE = '#1f4e79';
const SIZES = [16, 32, 64, 80, 128, 192];

// On a 100 x 100 grid. A pen lying from top right to bottom left, its nib ending where the signature stroke ends.
// At 16 px a thin pen and the gap before its nib blur away: draw it wider and solid.
const pen = (fill: string, nibCut: string, tiny = false) => {
  const w = tiny ? 20 : 14;
  const x = 50 - w / 2;
  return `
  <g transform="rotate(45 50 50)">
    <rect x="${x}" y="6" width="${w}" height="46" rx="3" fill="${fill}"/>
    <path d="M${x} 55 H${x + w} L50 ${tiny ? 78 : 74} Z" fill="${fill}"/>
    ${tiny ? '' : `<rect x="${x}" y="49" width="${w}" height="3.5" fill="${nibCut}"/>`}
  </g>`;
};
// The signature: a quick loop and tail ending at the nib; small icons get a simpler, bolder stroke.
const signature = (stroke: string, small: boolean, tiny = false) =>
  tiny
    ? `<path d="M12 82 C 20 68, 28 90, 36 78 S 44 74, 48 76" fill="none" stroke="${stroke}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`
    : small
    ? `<path d="M14 80 C 22 66, 30 88, 38 76 S 48 70, 52 74" fill="none" stroke="${stroke}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`
    : `<path d="M13 80 C 18 62, 28 62, 26 74 C 24 86, 34 86, 38 76 S 46 68, 52 75" fill="none" stroke="${stroke}" stroke-width="5.5" stroke-linecap="round" stroke-linejoin="round"/>`;

function colourIcon(size: number): string {
  const small = size <= 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <rect width="100" height="100" rx="${small ? 16 : 20}" fill="${BLUE}"/>
    ${signature('#ffffff', small, size <= 16)}
    ${pen('#ffffff', BLUE, size <= 16)}
  </svg>`;
}

/** The unified manifest's outline icon: white on transparent, 32 px, no background. */
function outlineIcon(size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    ${signature('#ffffff', true)}
    ${pen('#ffffff', 'transparent')}
  </svg>`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const draw = async (svg: string, size: number, file: string) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      writeFileSync(path.join(OUT, file), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      console.log(`wrote ${path.join(OUT, file)}`);
    };
    for (const size of SIZES) await draw(colourIcon(size), size, `icon-${size}.png`);
    await draw(outlineIcon(32), 32, 'outline-32.png');
  } finally {
    await browser.close();
  }
}

await main();
