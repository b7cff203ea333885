// Admin → Report templates in the browser's terms: the forms add, change (the HMAC secret kept behind its mask and
// never shown), refuse bad input keeping what was typed, make default and remove; the group editor limits which
// templates members may use; everything refused to non-administrators.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { SECRET_MASK } from '@secure-signature/shared';
import { adminAuditEvents, groups, reportTemplates } from '../src/db/schema';
import { dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`report templates page (${kind})`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let headers: Awaited<ReturnType<typeof signInHeaders>>;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      headers = await signInHeaders(t, admin.email, admin.password);
    });
    after(() => t.close());

    const get = (path: string, h: Record<string, string> = headers) => t.app.request(path, { headers: h });
    async function post(path: string, fields: Record<string, string | string[]>, h: Record<string, string> = headers) {
      const html = await (await get('/account', h)).text(); // a page everyone has, so a non-admin posts with a valid CSRF token
      const body = new URLSearchParams({ _csrf: html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '' });
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
      return t.app.request(path, { method: 'POST', headers: { ...h, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    }
    const template = async (name: string) => (await t.ctx.db.select().from(reportTemplates).where(eq(reportTemplates.name, name)))[0];

    test('add, change with the secret kept, refuse bad input, make default, remove an unused one', async () => {
      const empty = await (await get('/admin/report-templates')).text();
      assert.match(empty, /No report templates yet/);
      assert.match(empty, /Reports by HTTP POST are <strong id="post-state">off<\/strong>/);
      const settingsPage = await (await get('/admin/settings')).text();
      assert.match(settingsPage, /Internal report targets allowed/, 'the reports settings are in the settings page');

      const added = await post('/admin/report-templates', {
        name: 'NDA <legal>',
        emailRecipients: 'legal@example.test\n\nArchive@Example.test',
        postUrls: 'https://hooks.example.test/nda',
        format: 'xml',
        pagePosition: 'first',
        hmacSecret: 'hmac-shh-1',
      });
      assert.equal(added.status, 303);
      const nda = await template('NDA <legal>');
      assert.equal(added.headers.get('location'), `/admin/report-templates/${nda.id}?done=saved`);
      assert.deepEqual(nda.emailRecipients, ['legal@example.test', 'archive@example.test']);
      assert.equal(nda.isDefault, true, 'the first template is the default');
      const page = await (await get(`/admin/report-templates/${nda.id}`)).text();
      assert.ok(page.includes('NDA &lt;legal&gt;'));
      assert.ok(page.includes(`value="${SECRET_MASK}"`));
      assert.doesNotMatch(page, /hmac-shh-1/);

      const changed = await post(`/admin/report-templates/${nda.id}`, { name: 'NDA', postUrls: 'https://hooks.example.test/nda2', format: 'json', hmacSecret: SECRET_MASK });
      assert.equal(changed.status, 303);
      const after = await template('NDA');
      assert.equal(t.ctx.secrets.decrypt(after.hmacSecretEncrypted!), 'hmac-shh-1', 'the mask keeps the secret');
      assert.deepEqual(after.postUrls, ['https://hooks.example.test/nda2']);
      const logged = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'report_template.changed'));
      assert.equal(logged.length, 1);
      assert.doesNotMatch(JSON.stringify(logged), /hmac-shh-1/);

      const bad = await post('/admin/report-templates', { name: 'Broken', postUrls: 'not a url', hmacSecret: 'x' });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /postUrls/);
      assert.ok(badHtml.includes('value="Broken"'), 'what was typed stays');

      assert.equal((await post('/admin/report-templates', { name: 'Recruitment', emailRecipients: 'hr@example.test' })).status, 303);
      const recruitment = await template('Recruitment');
      assert.equal((await post(`/admin/report-templates/${recruitment.id}/default`, {})).status, 303);
      assert.equal((await template('Recruitment')).isDefault, true);
      assert.equal((await template('NDA')).isDefault, false);
      assert.equal((await post(`/admin/report-templates/${after.id}/delete`, {})).status, 303);
      assert.equal(await template('NDA'), undefined);
    });

    test('the group editor limits the templates its members may use', async () => {
      assert.equal((await post('/admin/report-templates', { name: 'Sales' })).status, 303);
      const ids = [(await template('Recruitment')).id, (await template('Sales')).id];
      const html = await (await get('/admin/groups')).text();
      assert.match(html, /Report templates members may use/);
      const saved = await post('/admin/groups', { name: 'HR', reportTemplate: ids });
      assert.equal(saved.status, 303);
      const [hr] = await t.ctx.db.select().from(groups).where(eq(groups.name, 'HR'));
      assert.deepEqual([...hr.reportTemplateIds].sort(), [...ids].sort());
    });

    test('refused to non-administrators', async () => {
      const user = await t.user();
      const h = await signInHeaders(t, user.email, user.password);
      assert.equal((await get('/admin/report-templates', h)).status, 404);
      const id = (await template('Sales')).id;
      assert.equal((await get(`/admin/report-templates/${id}`, h)).status, 404);
      assert.equal((await post('/admin/report-templates', { name: 'Mine' }, h)).status, 404);
      assert.equal((await post(`/admin/report-templates/${id}/delete`, {}, h)).status, 404);
      assert.ok(await template('Sales'));
      assert.equal(await template('Mine'), undefined);
    });
  });
}
