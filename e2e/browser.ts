// Debian's Chromium driven by playwright-core, one traced browser context per test: the trace is kept in
// test-results/<test name>.zip only when the test fails, so a failure can be replayed step by step
// (`npx playwright-core show-trace test-results/<name>.zip`).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
export const screenshotsDir = path.join(resultsDir, 'screenshots');

const launched = new Set<Browser>();
// Closed after every file's tests even when the file's own setup failed before it got hold of the browser (a
// browser launched beside a server that never started would otherwise keep the file running).
after(async () => {
  await Promise.all([...launched].map((b) => b.close().catch(() => undefined)));
});

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  launched.add(browser);
  return browser;
}

const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);

/** Runs `body` in a fresh, traced context; saves the trace only if `body` throws, then rethrows. */
export async function withTracedContext<T>(
  browser: Browser,
  testName: string,
  body: (context: BrowserContext) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15_000);
  await context.tracing.start({ screenshots: true, snapshots: true });
  try {
    const result = await body(context);
    await context.tracing.stop();
    return result;
  } catch (err) {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${slug(testName)}.zip`);
    await context.tracing.stop({ path: file }).then(
      () => console.error(`trace saved: ${file}`),
      (e: unknown) => console.error(`could not save the trace: ${String(e)}`),
    );
    throw err;
  } finally {
    await context.close();
  }
}

/** A full-page screenshot into test-results/screenshots/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** The page's width in CSS pixels, to compare with the viewport (wider means horizontal scrolling). */
export const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Polls `check` until it returns a truthy value (the value is returned) or the time is up. */
export async function waitUntil<T>(what: string, check: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
