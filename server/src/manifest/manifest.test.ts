// The manifests: the committed root files are what the CLI writes for https://sign.example.com; they pass the XSD
// (xmllint), office-addin-manifest and the project's own checks; and each validator rejects a broken manifest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ADDIN_ID, ICON_SIZES, addinUrls } from './addin-identity';
import { buildManifests } from './build-manifests';
import { checkJsonManifest } from './check-json-manifest';
import { checkXmlManifest } from './check-xml-manifest';
import { REPO_ROOT, officeAddinValidate, officeAddinValidateFile, xmllint, xmllintFile } from './manifest-test-helpers';
import { renderJsonManifest } from './render-json-manifest';
import { renderXmlManifest } from './render-xml-manifest';

const ORIGIN = 'https://sign.example.com';
const opts = { origin: ORIGIN };
const { xml, json } = buildManifests(ORIGIN);
const root = (name: string) => readFileSync(path.join(REPO_ROOT, name), 'utf8');

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/cli/manifest.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: REPO_ROOT },
  });
}

describe('committed manifests', () => {
  test('manifest.xml and manifest.json at the root are what `npm run manifest -- --url https://sign.example.com` writes', () => {
    assert.equal(root('manifest.xml'), xml, 'manifest.xml is out of date: run npm run manifest -- --url https://sign.example.com');
    assert.equal(root('manifest.json'), json, 'manifest.json is out of date: run npm run manifest -- --url https://sign.example.com');
  });

  test('the root manifest.xml passes the XSD and the project checks', () => {
    const r = xmllintFile(path.join(REPO_ROOT, 'manifest.xml'));
    assert.ok(r.ok, r.output);
    assert.deepEqual(checkXmlManifest(root('manifest.xml'), opts), []);
  });

  test('the root manifest.json passes office-addin-manifest and the project checks', () => {
    const r = officeAddinValidateFile(path.join(REPO_ROOT, 'manifest.json'));
    assert.ok(r.ok, r.output);
    assert.deepEqual(checkJsonManifest(root('manifest.json'), opts), []);
  });

  test('every icon the manifests name exists as a PNG of its size', () => {
    const assets = path.join(REPO_ROOT, 'addin/public/assets');
    const files = [...ICON_SIZES.map((s) => [`icon-${s}.png`, s] as const), ['outline-32.png', 32] as const];
    for (const [file, size] of files) {
      const png = readFileSync(path.join(assets, file));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', file);
      // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], file);
    }
    const urls = addinUrls(ORIGIN);
    for (const rel of [urls.colorIconPath, urls.outlineIconPath]) assert.ok(existsSync(path.join(assets, path.basename(rel))), rel);
    for (const m of xml.matchAll(/assets\/([\w-]+\.png)/g)) assert.ok(existsSync(path.join(assets, m[1])), m[1]);
  });
});

describe('the manifest CLI', () => {
  test('writes both manifests for another deployment into --out; they pass every validator', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'ss-manifest-cli-'));
    try {
      const r = runCli(['--url', 'https://signing.contoso.test/', '--out', out]);
      assert.equal(r.status, 0, r.stderr);
      const written = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
      assert.match(written, /https:\/\/signing\.contoso\.test\/addin\/taskpane\.html/);
      assert.doesNotMatch(written, /sign\.example\.com/);
      const lint = xmllintFile(path.join(out, 'manifest.xml'));
      assert.ok(lint.ok, lint.output);
      assert.deepEqual(checkXmlManifest(written, { origin: 'https://signing.contoso.test' }), []);
      const v = officeAddinValidateFile(path.join(out, 'manifest.json'));
      assert.ok(v.ok, v.output);
      assert.deepEqual(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).validDomains, ['signing.contoso.test']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('refuses a URL that is not https, with exit code 2 and nothing written', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'ss-manifest-cli-'));
    try {
      const r = runCli(['--url', 'http://sign.example.com', '--out', out]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /only over https/);
      assert.ok(!existsSync(path.join(out, 'manifest.xml')));
      assert.equal(runCli(['--out', out]).status, 2, 'no --url');
      assert.equal(runCli(['--url', 'https://sign.example.com/some/path']).status, 2, 'a path');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('XML manifest', () => {
  test('declares the compose button, the task pane, ReadWriteItem and only Mailbox 1.3', () => {
    assert.match(xml, new RegExp(`<Id>${ADDIN_ID}</Id>`));
    assert.match(xml, /xsi:type="MessageComposeCommandSurface"/);
    assert.match(xml, /xsi:type="ShowTaskpane"/);
    assert.match(xml, /<Permissions>ReadWriteItem<\/Permissions>/);
    assert.match(xml, /xsi:type="VersionOverridesV1_0"[\s\S]*xsi:type="VersionOverridesV1_1"/);
    assert.deepEqual([...new Set([...xml.matchAll(/MinVersion="([^"]+)"/g)].map((m) => m[1]))], ['1.3']);
  });

  test('escapes what it writes', () => {
    const broken = renderXmlManifest(ORIGIN, { comment: 'a -- b <c> & "d"' });
    assert.ok(xmllint(broken).ok);
  });

  test('xmllint rejects a manifest without a required element', () => {
    const withoutId = xml.replace(/\s*<Id>[^<]*<\/Id>/, '');
    assert.notEqual(withoutId, xml);
    const r = xmllint(withoutId);
    assert.equal(r.ok, false);
    assert.match(r.output, /Id/);
    const withoutDisplayName = xml.replace(/\s*<DisplayName [^>]*\/>/, '');
    assert.notEqual(withoutDisplayName, xml);
    assert.match(xmllint(withoutDisplayName).output, /Expected is \( \{[^}]+\}DisplayName \)/);
    // Inside VersionOverrides too: a button needs its Supertip.
    const withoutSupertip = xml.replace(/\s*<Supertip>[\s\S]*?<\/Supertip>/, '');
    assert.notEqual(withoutSupertip, xml);
    assert.equal(xmllint(withoutSupertip).ok, false);
  });

  describe('project checks catch', () => {
    const check = (broken: string) => {
      assert.notEqual(broken, xml, 'the edit must change the manifest');
      return checkXmlManifest(broken, opts).join('\n');
    };
    test('a resid with no resource', () => {
      assert.match(check(xml.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Missing"/>')), /resid "Taskpane\.Missing" is not defined in bt:Urls/);
    });
    test('a resid pointing at the wrong kind of resource', () => {
      assert.match(check(xml.replace('<Description resid="Button.Tooltip"/>', '<Description resid="Button.Label"/>')), /resid "Button\.Label" is not defined in bt:LongStrings/);
    });
    test('a resource only the other VersionOverrides defines', () => {
      const at = xml.lastIndexOf('<bt:Url id="Taskpane.Url"');
      const inner = xml.slice(0, at) + xml.slice(at).replace('<bt:Url id="Taskpane.Url"', '<bt:Url id="Taskpane.Other"');
      assert.match(check(inner), /VersionOverrides\/VersionOverrides\/.*resid "Taskpane\.Url" is not defined/);
    });
    test('a URL that is not https', () => {
      assert.match(check(xml.replace(`${ORIGIN}/addin/assets/icon-64.png`, 'http://sign.example.com/addin/assets/icon-64.png')), /IconUrl@DefaultValue: http:\/\/sign\.example\.com\/addin\/assets\/icon-64\.png is not https/);
    });
    test('a URL on another host', () => {
      assert.match(check(xml.replace(`${ORIGIN}/addin/taskpane.html"`, 'https://elsewhere.example/taskpane.html"')), /is not on sign\.example\.com/);
      assert.match(check(xml.replace(`<AppDomain>${ORIGIN}</AppDomain>`, '<AppDomain>https://cdn.example.net</AppDomain>')), /AppDomain: https:\/\/cdn\.example\.net is not on sign\.example\.com/);
    });
    test('an Id that is not a GUID', () => {
      assert.match(check(xml.replace(ADDIN_ID, 'secure-signature')), /The Id is not a GUID/);
    });
    test('a missing icon size', () => {
      assert.match(check(xml.replace('<bt:Image size="80" resid="Icon.80"/>', '')), /no icon of 80 px/);
    });
    test('a newer Mailbox requirement', () => {
      assert.match(check(xml.replace('<Set Name="Mailbox" MinVersion="1.3"/>', '<Set Name="Mailbox" MinVersion="1.10"/>')), /asks for Mailbox 1\.10, newer than 1\.3/);
    });
    test('a permission the pane cannot work with (the XSD allows leaving it out)', () => {
      const without = xml.replace(/\s*<Permissions>[^<]*<\/Permissions>/, '');
      assert.ok(xmllint(without).ok);
      assert.match(check(without), /Permissions must be ReadWriteItem/);
      assert.match(check(xml.replace('<Permissions>ReadWriteItem<', '<Permissions>ReadItem<')), /Permissions must be ReadWriteItem, not ReadItem/);
    });
    test('XML that is not well-formed', () => {
      assert.match(check(xml.replace('</OfficeApp>', '')), /not well-formed/);
    });
  });
});

describe('JSON manifest', () => {
  const manifest = JSON.parse(json);

  test('has the compose ribbon button opening the task pane runtime, Mailbox 1.3, the icons and the host', () => {
    const ext = manifest.extensions[0];
    assert.deepEqual(ext.requirements.capabilities, [{ name: 'Mailbox', minVersion: '1.3' }]);
    assert.equal(ext.runtimes[0].code.page, `${ORIGIN}/addin/taskpane.html`);
    assert.deepEqual(ext.ribbons[0].contexts, ['mailCompose']);
    const button = ext.ribbons[0].tabs[0].groups[0].controls[0];
    assert.equal(button.actionId, ext.runtimes[0].actions[0].id);
    assert.deepEqual(button.icons.map((i: { size: number }) => i.size), [16, 32, 80]);
    assert.deepEqual(manifest.icons, { color: 'addin/assets/icon-192.png', outline: 'addin/assets/outline-32.png' });
    assert.deepEqual(manifest.validDomains, ['sign.example.com']);
    assert.equal(manifest.id, ADDIN_ID);
    assert.equal(manifest.webApplicationInfo, undefined, 'left out unless Entra is configured');
  });

  test('writes webApplicationInfo for a configured Entra app registration, and stays valid', () => {
    const clientId = '11111111-2222-4333-8444-555555555555';
    const withEntra = renderJsonManifest(ORIGIN, { entraClientId: clientId });
    assert.deepEqual(JSON.parse(withEntra).webApplicationInfo, { id: clientId, resource: `api://sign.example.com/${clientId}` });
    const r = officeAddinValidate(withEntra);
    assert.ok(r.ok, r.output);
    assert.deepEqual(checkJsonManifest(withEntra, opts), []);
  });

  test('office-addin-manifest rejects a broken manifest', () => {
    const edit = (change: (m: any) => void) => {
      const m = structuredClone(manifest);
      change(m);
      return officeAddinValidate(JSON.stringify(m, null, 2));
    };
    const notGuid = edit((m) => (m.id = 'secure-signature'));
    assert.equal(notGuid.ok, false);
    assert.match(notGuid.output, /\/id must match pattern/);
    assert.equal(edit((m) => delete m.icons).ok, false);
    const longLabel = edit((m) => (m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label = 'x'.repeat(65)));
    assert.equal(longLabel.ok, false);
    assert.match(longLabel.output, /must NOT have more than 64 characters/);
  });

  describe('project checks catch', () => {
    const check = (change: (m: any) => void) => {
      const m = structuredClone(manifest);
      change(m);
      return checkJsonManifest(JSON.stringify(m), opts).join('\n');
    };
    test('a URL that is not https or on another host', () => {
      assert.match(check((m) => (m.extensions[0].runtimes[0].code.page = 'http://sign.example.com/addin/taskpane.html')), /code\.page: .* is not https/);
      assert.match(check((m) => (m.developer.websiteUrl = 'https://elsewhere.example/')), /developer\.websiteUrl: .* is not on sign\.example\.com/);
    });
    test('an id that is not a GUID', () => {
      assert.match(check((m) => (m.id = 'nope')), /The id is not a GUID/);
    });
    test('a missing icon size and an unknown action', () => {
      const control = (m: any) => m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0];
      assert.match(check((m) => control(m).icons.pop()), /no icon of 80 px/);
      assert.match(check((m) => (control(m).actionId = 'missing')), /action "missing" is not defined by a runtime/);
    });
    test('a newer Mailbox requirement and a missing valid domain', () => {
      assert.match(check((m) => (m.extensions[0].requirements.capabilities[0].minVersion = '1.13')), /newer than Mailbox 1\.3/);
      assert.match(check((m) => (m.validDomains = [])), /validDomains does not list sign\.example\.com/);
    });
  });

  test('the same identity in both manifests', () => {
    const fromXml = renderXmlManifest('https://other.example.org');
    assert.match(fromXml, new RegExp(manifest.id));
    assert.match(fromXml, /<Version>1\.0\.0\.0<\/Version>/);
    assert.equal(manifest.version, '1.0.0');
  });
});
