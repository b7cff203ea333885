// `npm run verify-audit`: re-checks the audit chain of every process and lists any edited or deleted event.
// Exits 1 when something was tampered with, so it can run from cron or monitoring.
import { asc } from 'drizzle-orm';
import { createAppContext } from '../app-context';
import { ConfigError, loadConfig } from '../config/config';
import { processes } from '../db/schema';
import { verifyAuditTrail } from '../domain/audit/verify-audit-trail';

async function main() {
  const config = loadConfig(process.env);
  const { ctx, database } = await createAppContext(config, { logLevel: 'warn' });
  let checked = 0;
  let tampered = 0;
  for (const p of await ctx.db.select({ id: processes.id, title: processes.title }).from(processes).orderBy(asc(processes.createdAt))) {
    const result = await verifyAuditTrail(ctx, { processId: p.id });
    checked++;
    if (!result.valid) {
      tampered++;
      console.log(`TAMPERED  ${p.id}  ${p.title}`);
      for (const problem of result.problems) console.log(`          - ${problem}`);
    }
  }
  console.log(`${checked} process audit trails checked: ${checked - tampered} intact, ${tampered} tampered with`);
  await database.close();
  process.exit(tampered > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
});
