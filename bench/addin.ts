// Benchmark: the Outlook task pane's weight and start-up. Prints the JavaScript the pane loads (raw and gzip, from
// Vite's manifest of addin/dist: the entry and its static imports; lazy chunks apart), and the time from
// navigation to first render and to the pre-filled form in headless Chromium, with the office.js stand-in and a
// signed-in user, without and with 4× CPU slowdown (a modest laptop). Asserts nothing. Run: npm run bench:addin
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/browser';
import { admin, startFlowServer } from '../e2e/flow-server';
import { serveOfficeStandIn, TOKEN_SETTING } from '../e2e/outlook-pane';
import { makePdf } from '../server/test/harness';
import { ADDIN_DIST, addinBuilt } from '../server/src/http/addin-build';

const RUNS = 11;
type Chunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] };

if (!addinBuilt()) throw new Error('Build the pane first: npm run build');
const manifest = JSON.parse(readFileSync(path.join(ADDIN_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

/** The chunks the entry loads at once (itself and its static imports), and those it may load later. */
function chunksOf(entry: string) {
  const now = new Set<string>();
  const later = new Set<string>();
  const visit = (key: string) => {
    if (now.has(key)) return;
    now.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
    for (const d of manifest[key].dynamicImports ?? []) later.add(d);
  };
  visit(entry);
  return { now: [...now], later: [...later].filter((k) => !now.has(k)) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
function weigh(keys: string[]) {
  const files = keys.flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]);
  const bytes = files.map((f) => readFileSync(path.join(ADDIN_DIST, f)));
  const raw = bytes.reduce((a, b) => a + b.length, 0);
  const gzip = bytes.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
  return { files, raw, gzip };
}

console.log(`Task pane bundle (addin/dist), node ${process.version}`);
for (const [label, entry] of [
  ['Outlook task pane', 'taskpane.html'],
  ['/start in the web UI', 'src/start.tsx'],
] as const) {
  const { now, later } = chunksOf(entry);
  const first = weigh(now);
  console.log(`  ${label.padEnd(22)} loaded at once: ${kb(first.raw).padStart(9)} raw  ${kb(first.gzip).padStart(8)} gzip  (${first.files.join(', ')})`);
  if (later.length) {
    const lazy = weigh(later);
    console.log(`  ${''.padEnd(22)} loaded on demand: ${kb(lazy.raw).padStart(7)} raw  ${kb(lazy.gzip).padStart(8)} gzip  (${lazy.files.join(', ')}: Entra sign-in)`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [sut, browser, pdf] = await Promise.all([startFlowServer(), launchBrowser(), makePdf('Bench', 2)]);
try {
  const res = await fetch(`${sut.server.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${admin.email}:${admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ label: 'bench' }),
  });
  const { token } = (await res.json()) as { token: string };
  const scenario = {
    to: [{ emailAddress: 'alice@example.test', displayName: 'Alice' }],
    cc: [{ emailAddress: 'bob@example.test', displayName: 'Bob' }],
    subject: 'Bench',
    body: 'Please sign',
    attachments: [{ id: 'a', name: 'bench.pdf', bytes: pdf }],
    roaming: { [TOKEN_SETTING]: token },
  };

  console.log(`\nStart-up in headless Chromium (loopback server, median of ${RUNS} cold loads; office.js stand-in served locally)`);
  for (const slowdown of [1, 4]) {
    const firstRender: number[] = [];
    const ready: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext(); // cold: nothing cached
      await serveOfficeStandIn(context, scenario);
      const pane = await context.newPage();
      await pane.setViewportSize({ width: 450, height: 900 });
      if (slowdown > 1) await (await context.newCDPSession(pane)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await pane.goto(`${sut.server.url}/addin/taskpane.html`);
      await pane.getByRole('tab', { name: 'New process' }).waitFor();
      firstRender.push(await pane.evaluate(() => performance.now()));
      await pane.waitForFunction(() => (document.querySelector('input[aria-label="Signer 1 email"]') as HTMLInputElement | null)?.value === 'alice@example.test');
      ready.push(await pane.evaluate(() => performance.now()));
      await context.close();
    }
    const label = slowdown === 1 ? 'full speed' : `${slowdown}× CPU slowdown`;
    console.log(`  ${label.padEnd(18)} first render ${median(firstRender).toFixed(0).padStart(5)} ms   form pre-filled ${median(ready).toFixed(0).padStart(5)} ms`);
  }
} finally {
  await browser.close();
  await sut.close();
}
