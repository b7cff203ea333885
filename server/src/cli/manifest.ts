// `npm run manifest -- --url https://sign.example.com [--out DIR] [--entra-client-id ID]`: writes manifest.xml and
// manifest.json for a deployment, after the project's own checks. Exit 2 on a bad URL or argument, 1 if a check fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OriginError } from '../manifest/addin-identity';
import { buildManifests, ManifestProblems } from '../manifest/build-manifests';

const USAGE = 'Usage: npm run manifest -- --url https://sign.example.com [--out DIR] [--entra-client-id CLIENT_ID]';

function main(): number {
  let values: { url?: string; out?: string; 'entra-client-id'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { url: { type: 'string' }, out: { type: 'string' }, 'entra-client-id': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.url) {
    console.error(`--url is required: the public https address of the Secure Signature server (its PUBLIC_URL).\n${USAGE}`);
    return 2;
  }
  try {
    const manifests = buildManifests(values.url, { entraClientId: values['entra-client-id'] });
    // npm run starts in the repository root; INIT_CWD is where the command was typed.
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? '.');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'manifest.xml'), manifests.xml);
    writeFileSync(path.join(out, 'manifest.json'), manifests.json);
    console.log(`Wrote ${path.join(out, 'manifest.xml')} and ${path.join(out, 'manifest.json')}`);
    return 0;
  } catch (err) {
    if (err instanceof OriginError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof ManifestProblems) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main();
