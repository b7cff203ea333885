// Automatic reminders on PGlite and PostgreSQL, with a clock the test moves: the first after N days, repeats every
// M days up to the maximum, none for signers who acted, and exactly one per due reminder with two workers.
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
      await updateSettings({ ...t.ctx, actor: { id: admin.id, email: admin.email, name: null, isAdmin: true } }, {
        settings: { reminders: { firstAfterDays: 2, repeatEveryDays: 3, maxReminders: 2 } },
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
  });
}
