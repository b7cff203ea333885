// Benchmark: the filtered process list (statistics view) with 100,000 processes and 300,000 signers in
// PostgreSQL. Seeds a fresh database with generate_series, then times typical filters of the view.
// Prints figures; asserts nothing. Run: npm run bench:stats
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { processSearchQuery, type ProcessSearchQuery } from '@secure-signature/shared';
import { loadConfig } from '../server/src/config/config';
import { openDatabase } from '../server/src/db/database';
import type { Ctx } from '../server/src/domain/context';
import { processStatistics } from '../server/src/domain/process/process-statistics';
import { searchProcesses } from '../server/src/domain/process/search-processes';
import { createSecrets } from '../server/src/domain/secrets';
import { createLogger } from '../server/src/logger';
import { createBlobStore } from '../server/src/storage/blob-store';

const base = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const url = (db: string) => base.replace(/\/[^/]*$/, `/${db}`);
const name = `ss_bench_${Date.now()}`;
const admin = postgres(url('postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);

try {
  const database = await openDatabase({ kind: 'postgres', url: url(name) });
  const db = database.db;
  const t0 = performance.now();
  await db.execute(sql`insert into users (id, email, name, is_admin) select gen_random_uuid(), 'user' || i || '@example.com', 'User ' || i, i = 1 from generate_series(1, 200) i`);
  await db.execute(sql`insert into blobs (sha256, size) values (repeat('a', 64), 1)`);
  await db.execute(sql`
    insert into processes (id, sender_id, title, message, status, signing_order, signature_page_position, component, created_at, completed_at, signer_count, signed_count, document_count)
    select gen_random_uuid(), (select id from users order by email offset (i % 200) limit 1),
      (array['Employment contract', 'NDA', 'Lease', 'Supplier agreement', 'Purchase order'])[1 + i % 5] || ' ' || i, '',
      (array['pending', 'completed', 'completed', 'rejected', 'aborted'])[1 + i % 5], false, 'last',
      (array['api', 'web', 'outlook'])[1 + i % 3],
      now() - (i || ' minutes')::interval, case when i % 5 in (1, 2) then now() - (i || ' minutes')::interval + interval '2 days' end,
      3, case when i % 5 in (1, 2) then 3 else 0 end, 1
    from generate_series(1, 100000) i`);
  await db.execute(sql`
    insert into signers (id, process_id, position, email, status, token_hash)
    select gen_random_uuid(), p.id, k, 'signer' || (abs(hashtext(p.id::text)) % 50000 + k) || '@example.org',
      case when p.status = 'completed' then 'signed' else 'invited' end, md5(p.id::text || k)
    from processes p, generate_series(1, 3) k`);
  await db.execute(sql`insert into documents (id, process_id, position, kind, filename, content_type, size, sha256) select gen_random_uuid(), id, 1, 'document', 'a.pdf', 'application/pdf', 1, repeat('a', 64) from processes`);
  await db.execute(sql`analyze`);
  console.log(`seeded 100,000 processes, 300,000 signers, 100,000 documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const [sender] = (await db.execute(sql`select id, email from users where email = 'user100@example.com'`)) as unknown as { id: string; email: string }[];
  const [root] = (await db.execute(sql`select id, email from users where is_admin`)) as unknown as { id: string; email: string }[];
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const ctxFor = (u: { id: string; email: string }, isAdmin: boolean): Ctx => ({
    db, config, secrets: createSecrets('s'.repeat(40)), blobs: createBlobStore('database', '.'), clock: () => new Date(), log: createLogger('silent'),
    actor: { id: u.id, email: u.email, name: null, isAdmin, privileges: ['start_processes', 'statistics_own'] },
  });
  const q = (query: Record<string, unknown>) => processSearchQuery.parse(query);
  const cases: [string, Ctx, ProcessSearchQuery][] = [
    ['all processes, newest 20', ctxFor(root, true), q({ scope: 'all', sort: '-created', limit: 20, offset: 0 })],
    ['all, status completed, page 50', ctxFor(root, true), q({ scope: 'all', status: 'completed', sort: '-created', limit: 20, offset: 1000 })],
    ['all, keyword in title', ctxFor(root, true), q({ scope: 'all', q: 'lease 1234', sort: '-created', limit: 20, offset: 0 })],
    ['all, keyword = signer email', ctxFor(root, true), q({ scope: 'all', q: 'signer4242@', sort: '-created', limit: 20, offset: 0 })],
    ['all, one week, sort by title', ctxFor(root, true), q({ scope: 'all', from: new Date(Date.now() - 7 * 86400_000).toISOString().slice(0, 10), sort: 'title', limit: 100, offset: 0 })],
    ['one sender, newest 20', ctxFor(sender, false), q({ scope: 'mine', sort: '-created', limit: 20, offset: 0 })],
  ];
  console.log('statistics view (rows, totals and chart statistics of the filtered set), median of 7 runs:');
  for (const [label, ctx, query] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      // What the statistics view computes: the page of rows with totals, and the charts' statistics.
      const [result] = await Promise.all([searchProcesses(ctx, query), processStatistics(ctx, query)]);
      total = result.total;
      if (r >= 2) times.push(performance.now() - t);
    }
    const median = times.sort((a, b) => a - b)[3];
    console.log(`  ${label.padEnd(34)} ${String(total).padStart(7)} matches   ${median.toFixed(1).padStart(7)} ms   ${median < 200 ? 'under' : 'OVER'} 200 ms`);
  }
  await database.close();
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
