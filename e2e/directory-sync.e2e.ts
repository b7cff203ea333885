// The directory sync editors in Debian's Chromium against a real server process: the admin fills in the LDAP
// editor for a real slapd (StartTLS with the test CA), tests the connection, syncs and sees the outcome; then the
// Entra ID editor against the HTTPS stand-in of Entra and Graph (trusted by the server through
// NODE_EXTRA_CA_CERTS), the same way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../server/test/server-process';
import { BASE_DN, SIZE_LIMIT, startSlapd, SYNC_DN, SYNC_PASSWORD, type Slapd } from '../server/test/slapd';
import { startEntraGraphStandIn, type EntraGraphStandIn } from '../server/test/entra-graph-stand-in';
import { launchBrowser, screenshot, waitUntil, withTracedContext } from './browser';

const admin = { email: 'admin@example.test', password: 'e2e-admin-password-1' };
let dataDir: string;
let slapd: Slapd;
let graph: EntraGraphStandIn;
let server: ServerProcess;
let browser: Browser;

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ss-e2e-dir-'));
  [slapd, graph, browser] = await Promise.all([startSlapd(), startEntraGraphStandIn(), launchBrowser()]);
  for (let i = 1; i <= 12; i++) await slapd.addUser(`person${i}`, { cn: `Person ${i}` });
  for (let i = 1; i <= 3; i++) {
    graph.users.set(`e-${i}`, { id: `e-${i}`, displayName: `Entra ${i}`, mail: `entra${i}@example.test`, userPrincipalName: `entra${i}@example.test`, mobilePhone: null, accountEnabled: true });
  }
  writeFileSync(path.join(dataDir, 'extra-ca.pem'), graph.caPem);
  server = await startServerProcess({
    DATA_DIR: dataDir,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    WORKER_POLL_MS: '100',
    LOG_LEVEL: 'warn',
    NODE_EXTRA_CA_CERTS: path.join(dataDir, 'extra-ca.pem'),
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
  await slapd?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Username or email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/processes');
}

/** Reloads the page until the editor's last run shows `text`: the worker runs the sync in the background. */
async function waitForOutcome(page: Page, region: string, text: RegExp) {
  await waitUntil(`the ${region} sync outcome`, async () => {
    await page.goto(`${server.url}/admin/directory`);
    const shown = await page.getByRole('region', { name: region }).innerText();
    return text.test(shown);
  });
}

test('the admin sets up LDAP sync, tests the connection and syncs', async (t) => {
  await withTracedContext(browser, t.name, async (context) => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/admin/directory`);
    const ldap = page.getByRole('region', { name: 'LDAP / Active Directory' });
    await ldap.getByLabel('Keep users in step with an LDAP directory').check();
    await ldap.getByLabel('Server URL').fill(slapd.ldapUrl);
    await ldap.getByLabel('Use StartTLS (ldap:// URLs)').check();
    await ldap.getByLabel('CA certificates (PEM)').fill(slapd.caPem);
    await ldap.getByLabel('Bind account (DN or user@domain)').fill(SYNC_DN);
    await ldap.getByLabel('Bind password').fill(SYNC_PASSWORD);
    await ldap.getByLabel('Base DN of users').fill(`ou=people,${BASE_DN}`);
    await ldap.getByLabel('User filter').fill('(objectClass=inetOrgPerson)');
    await ldap.getByLabel('Page size').fill(String(SIZE_LIMIT));
    await ldap.getByRole('button', { name: 'Save LDAP / Active Directory settings' }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'LDAP / Active Directory' }).getByLabel('Bind password').inputValue(), '••••••••');

    await page.getByRole('region', { name: 'LDAP / Active Directory' }).getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Test connection: Connected. 12 users match the filter').waitFor();
    await screenshot(page, 'admin-directory-ldap-tested-1280');

    await page.getByRole('region', { name: 'LDAP / Active Directory' }).getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('The sync is queued').waitFor();
    // Switching the sync on schedules a run at once too: either run may be the one that created the users.
    await waitForOutcome(page, 'LDAP / Active Directory', /12 user\(s\) from this directory, 0 of them disabled\.\s+Last sync [^:]+:\d\d:\d\d UTC: \d+ created/);
    await screenshot(page, 'admin-directory-ldap-synced-1280');
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('person7@example.test').waitFor();
  });
});

test('the admin sets up Entra ID sync, tests the connection and syncs', async (t) => {
  await withTracedContext(browser, t.name, async (context) => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/admin/directory`);
    const entra = page.getByRole('region', { name: 'Microsoft Entra ID' });
    await entra.getByLabel('Keep users in step with Entra ID').check();
    await entra.getByLabel('Directory (tenant) id').fill(graph.tenantId);
    await entra.getByLabel('Application (client) id').fill(graph.clientId);
    await entra.getByLabel('Authority host').fill(graph.url);
    await entra.getByLabel('Client secret').fill(graph.clientSecret);
    await entra.getByLabel('Microsoft Graph URL').fill(graph.url);
    await entra.getByRole('button', { name: 'Save Microsoft Entra ID settings' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('region', { name: 'Microsoft Entra ID' }).getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Test connection: Connected to Microsoft Graph').waitFor();
    await page.getByRole('region', { name: 'Microsoft Entra ID' }).getByRole('button', { name: 'Sync now' }).click();
    await waitForOutcome(page, 'Microsoft Entra ID', /3 user\(s\) from this directory, 0 of them disabled\.\s+Last sync [^:]+:\d\d:\d\d UTC: \d+ created/);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-directory-entra-synced-390');
  });
});
