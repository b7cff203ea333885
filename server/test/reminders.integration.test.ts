// Automatic reminders and expiry on PGlite and PostgreSQL, with a clock the test moves: the first reminder after N
// days, repeats every M days up to the maximum, none for signers who acted, exactly one per due reminder with two
// workers; a process past its expiry date expires once and everyone is told.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startJobs } from '../src/jobs/start-jobs';
import { updateSettings } from '../src/domain/settings/update-settings';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

const DAY = 86_400_000;

for (const kind of dbKinds) {
  describe(`automatic reminders on ${kind}`, () => {
    let t: TestApp;
    let now = new Date('2026-03-02T09:00:00Z').getTime();
    before(async () => {
      t = await startTestApp(kind, {}, { clock: () => new Date(now) });
      const admin = await t.user({ isAdmin: true });
      await updateSettings({ ...t.ctx, actor: { id: admin.id, email: admin.email, name: null, isAdmin: true, privileges: [] } }, {
        settings: { reminders: { firstAfterDays: 2, repeatEveryDays: 3, maxReminders: 2, expiryDays: 60 } },
      });
    });
    after(() => t.close());

    const reminders = async (processId: string) =>
      (await readOutbox(t.ctx)).filter((m) => m.processId === processId && m.template === 'reminder').map((m) => m.recipient).sort();

    test('first after 2 days, again after 3 more, at most 2; nobody who signed; one each with two workers', async () => {
      const u = await t.user();
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(u.token),
        body: processForm({ signers: [{ email: 'slow@example.test' }, { email: 'quick@example.test' }] }, [{ name: 'a.pdf', bytes: await makePdf() }]),
      });
      const p = await res.json();
      await t.app.request(`${await signingPathFor(t.ctx, 'quick@example.test')}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
      const second = startJobs(t.ctx, { autoStart: false });
      const tick = () => Promise.all([t.drain(), second.drain()]);

      now += 1 * DAY;
      await tick();
      assert.deepEqual(await reminders(p.id), [], 'not yet due after one day');
      now += 1 * DAY + 60_000;
      await tick();
      await tick();
      assert.deepEqual(await reminders(p.id), ['slow@example.test'], 'the first reminder, once');
      now += 2 * DAY;
      await tick();
      assert.equal((await reminders(p.id)).length, 1, 'the repeat waits three days');
      now += 1 * DAY + 60_000;
      await tick();
      assert.equal((await reminders(p.id)).length, 2);
      now += 30 * DAY;
      await tick();
      assert.equal((await reminders(p.id)).length, 2, 'no more than the maximum');
      await second.stop();
      const view = await (await t.app.request(`/api/v1/processes/${p.id}`, { headers: bearer(u.token) })).json();
      assert.equal(view.auditTrail.filter((a: any) => a.message === 'Send reminder to: slow@example.test').length, 2);
    });

    test("a sender's own rhythm replaces the admin's for that process: sooner, or none at all", async () => {
      const u = await t.user();
      const start = async (email: string, reminders: { firstAfterDays: number; repeatEveryDays: number; maxReminders: number }) =>
        (
          await t.app.request('/api/v1/processes', {
            method: 'POST',
            headers: bearer(u.token),
            body: processForm({ signers: [{ email }], reminders }, [{ name: 'a.pdf', bytes: await makePdf() }]),
          })
        ).json();
      const eager = await start('eager@example.test', { firstAfterDays: 1, repeatEveryDays: 1, maxReminders: 1 });
      const quiet = await start('quiet@example.test', { firstAfterDays: 0, repeatEveryDays: 1, maxReminders: 3 });
      assert.deepEqual(eager.reminders, { firstAfterDays: 1, repeatEveryDays: 1, maxReminders: 1 });
      now += 1 * DAY + 60_000;
      await t.drain();
      assert.deepEqual(await reminders(eager.id), ['eager@example.test'], 'after one day, not the admin\'s two');
      now += 10 * DAY;
      await t.drain();
      assert.equal((await reminders(eager.id)).length, 1, 'its own maximum of one');
      assert.deepEqual(await reminders(quiet.id), [], 'no automatic reminders for this process');
    });
  });
}

for (const kind of dbKinds) {
  test(`a process nobody finished expires after the configured days, once, and everyone is told (${kind})`, async () => {
    let now = new Date('2026-05-01T12:00:00Z').getTime();
    const t = await startTestApp(kind, {}, { clock: () => new Date(now) });
    try {
      const admin = await t.user({ isAdmin: true });
      await updateSettings({ ...t.ctx, actor: { id: admin.id, email: admin.email, name: null, isAdmin: true, privileges: [] } }, { settings: { reminders: { expiryDays: 10 } } });
      const u = await t.user();
      const p = await (
        await t.app.request('/api/v1/processes', {
          method: 'POST',
          headers: bearer(u.token),
          body: processForm({ signers: [{ email: 'late@example.test' }, { email: 'done@example.test' }] }, [{ name: 'a.pdf', bytes: await makePdf() }]),
        })
      ).json();
      assert.equal(p.expiresAt, '2026-05-11T12:00:00.000Z');
      const late = await signingPathFor(t.ctx, 'late@example.test');
      await t.app.request(`${await signingPathFor(t.ctx, 'done@example.test')}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
      now += 9 * DAY;
      await t.drain();
      assert.equal((await (await t.app.request(`/api/v1/processes/${p.id}`, { headers: bearer(u.token) })).json()).status, 'pending');
      now += 2 * DAY;
      const second = startJobs(t.ctx, { autoStart: false });
      await Promise.all([t.drain(), second.drain()]);
      await second.stop();
      const view = await (await t.app.request(`/api/v1/processes/${p.id}`, { headers: bearer(u.token) })).json();
      assert.equal(view.status, 'expired');
      const told = (await readOutbox(t.ctx)).filter((m) => m.processId === p.id && m.template === 'expired').map((m) => m.recipient).sort();
      assert.deepEqual(told, ['done@example.test', 'late@example.test', u.email].sort());
      const page = await (await t.app.request(late)).text();
      assert.match(page, /expired before everyone had signed/);
      assert.equal((await t.app.request(`${late}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } })).status, 409);
    } finally {
      await t.close();
    }
  });
}
