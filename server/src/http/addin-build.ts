// Where the built task pane (Vite's output of addin/) is, and which files an entry needs, from Vite's manifest.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ADDIN_DIST = fileURLToPath(new URL('../../../addin/dist/', import.meta.url));

type ViteManifest = Record<string, { file: string; css?: string[]; imports?: string[] }>;

export const addinBuilt = () => existsSync(`${ADDIN_DIST}.vite/manifest.json`);

/** The script and style sheets of one entry (e.g. "src/start.tsx"), as URLs under /addin/. */
export function addinEntry(source: string): { script: string; styles: string[] } {
  const manifest = JSON.parse(readFileSync(`${ADDIN_DIST}.vite/manifest.json`, 'utf8')) as ViteManifest;
  const entry = manifest[source];
  if (!entry) throw new Error(`The task pane build has no entry ${source}; rebuild it with npm run build -w addin`);
  const css = new Set(entry.css ?? []);
  for (const imported of entry.imports ?? []) for (const file of manifest[imported]?.css ?? []) css.add(file);
  return { script: `/addin/${entry.file}`, styles: [...css].map((f) => `/addin/${f}`) };
}
