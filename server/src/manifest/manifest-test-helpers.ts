// Offline validators the manifest tests share: the XSD through xmllint (Debian's libxml2-utils), and the unified
// manifest through office-addin-manifest, which validates JSON against the schemas it ships (no network).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Microsoft's XSDs, kept beside the repository (../shared/office-manifest-xsd, see its README.md). */
export const XSD = path.resolve(REPO_ROOT, '../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
const OFFICE_ADDIN_MANIFEST = path.join(REPO_ROOT, 'node_modules/office-addin-manifest/cli.js');

export interface Outcome {
  ok: boolean;
  output: string;
}

function inTempFile<T>(name: string, text: string, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-manifest-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function xmllintFile(file: string): Outcome {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export const xmllint = (xml: string) => inTempFile('manifest.xml', xml, xmllintFile);

export function officeAddinValidateFile(file: string): Outcome {
  const r = spawnSync(process.execPath, [OFFICE_ADDIN_MANIFEST, 'validate', file], { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export const officeAddinValidate = (json: string) => inTempFile('manifest.json', json, officeAddinValidateFile);
