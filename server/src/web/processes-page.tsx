import type { ProcessSearchQuery, ProcessSearchResult, ProcessView } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { verifyProcess } from '../domain/process/verify-process';
import type { ProcessStatistics } from '../domain/process/process-statistics';
import { WaitingChart, WeeklyChart, formatDuration } from './charts';
import { Csrf, Layout, Notice, formatTime } from './layout';
import { can } from '../domain/user/actor';

type ProcessVerification = Awaited<ReturnType<typeof verifyProcess>>;

function VerificationCard({ verification }: { verification: ProcessVerification }) {
  const allValid = verification.signatures.every((s) => s.valid) && verification.auditTrail.valid;
  return (
    <div class={`card notice ${allValid ? 'ok' : 'error'}`} id="verification" role="status">
      <h2>{allValid ? 'Every signature verifies' : 'Verification found problems'}</h2>
      {verification.signatures.length === 0 ? <p>Nobody has signed yet.</p> : null}
      <ul>
        {verification.signatures.map((s) => (
          <li>
            <strong>{s.email}</strong>{s.block ? ` (block “${s.block}”)` : ''}: {s.valid ? 'valid: bound to the documents exactly as they are' : s.problems.join('; ')}
          </li>
        ))}
        <li>
          <strong>Audit trail</strong>: {verification.auditTrail.valid ? `intact (${verification.auditTrail.events} events)` : verification.auditTrail.problems.join('; ')}
        </li>
      </ul>
    </div>
  );
}

const statuses = ['pending', 'completed', 'rejected', 'aborted', 'expired'] as const;
/** Where processes are started from (the `component` of a process). */
const components = [['api', 'API'], ['web', 'Web'], ['outlook', 'Outlook'], ['xml', 'XML API'], ['email', 'Email API']] as const;

/** The query string of a search, with some parameters changed (for sort links, paging and export). */
export function searchHref(base: string, q: ProcessSearchQuery, change: Partial<Record<keyof ProcessSearchQuery, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...change })) {
    if (v !== undefined && v !== '' && !(k === 'offset' && v === 0)) params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

/** `statistics` is absent for users without a statistics privilege: they get the list of their own processes. */
export function ProcessListPage(p: { actor: UserActor; csrfToken?: string; query: ProcessSearchQuery; result: ProcessSearchResult; statistics?: ProcessStatistics }) {
  const q = p.query;
  const r = p.result;
  const pageSize = q.limit === 'all' ? r.total : q.limit;
  const sortLink = (key: 'created' | 'completed' | 'title' | 'status', label: string) => {
    const active = q.sort.replace('-', '') === key;
    const next = active && !q.sort.startsWith('-') ? `-${key}` : active ? key : key === 'title' ? key : `-${key}`;
    return (
      <a href={searchHref('/processes', q, { sort: next, offset: 0 })} aria-sort={active ? (q.sort.startsWith('-') ? 'descending' : 'ascending') : undefined}>
        {label}
        {active ? (q.sort.startsWith('-') ? ' ▼' : ' ▲') : ''}
      </a>
    );
  };
  return (
    <Layout title="Processes" actor={p.actor} csrfToken={p.csrfToken}>
      <h1>Processes</h1>
      <form method="get" action="/processes" class="card filters" role="search">
        <div class="filter-grid">
          <div>
            <label for="q">Keyword</label>
            <input id="q" name="q" type="text" value={q.q ?? ''} placeholder="Title, sender, signer email or process id" />
          </div>
          {can(p.actor, 'statistics_all') ? (
            <div>
              <label for="scope">Scope</label>
              <select id="scope" name="scope">
                <option value="all" selected={q.scope !== 'mine'}>All processes</option>
                <option value="mine" selected={q.scope === 'mine'}>My processes</option>
              </select>
            </div>
          ) : null}
          <div>
            <label for="status">Status</label>
            <select id="status" name="status">
              <option value="">Any</option>
              {statuses.map((s) => (
                <option value={s} selected={q.status === s}>{s}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="component">Started from</label>
            <select id="component" name="component">
              <option value="">Anywhere</option>
              {components.map(([value, label]) => (
                <option value={value} selected={q.component === value}>{label}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="from">Created from</label>
            <input id="from" name="from" type="date" value={q.from ?? ''} />
          </div>
          <div>
            <label for="to">Created to</label>
            <input id="to" name="to" type="date" value={q.to ?? ''} />
          </div>
          <div>
            <label for="limit">Lines</label>
            <select id="limit" name="limit">
              {(['20', '50', '100', 'all'] as const).map((n) => (
                <option value={n} selected={String(q.limit) === n}>{n}</option>
              ))}
            </select>
          </div>
        </div>
        <input type="hidden" name="sort" value={q.sort} />
        <div class="actions">
          <button type="submit">Filter</button>
          {p.statistics ? (
            <a class="button secondary" href={searchHref('/processes/export.csv', q, { limit: 'all', offset: 0 })}>
              Export CSV
            </a>
          ) : null}
        </div>
      </form>
      {p.statistics ? <Statistics result={r} stats={p.statistics} /> : null}
      <div class="card">
        {r.processes.length === 0 ? (
          <p>No processes match.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{sortLink('title', 'Title')}</th>
                <th>{sortLink('status', 'Status')}</th>
                <th>Signed</th>
                <th class="optional">Sender</th>
                <th class="optional">{sortLink('created', 'Created')}</th>
                <th class="optional">{sortLink('completed', 'Completed')}</th>
              </tr>
            </thead>
            <tbody>
              {r.processes.map((x) => (
                <tr>
                  <td>
                    <a href={`/processes/${x.id}`}>{x.title}</a>
                    <div class="muted mono">{x.id.slice(0, 8)} · {x.component}</div>
                  </td>
                  <td>
                    <span class={`badge ${x.status}`}>{x.status}</span>
                  </td>
                  <td>
                    {x.blockCount ? `${x.signedCount} / ${x.blockCount} blocks` : `${x.signedCount} / ${x.signerCount}`}
                  </td>
                  <td class="optional">{x.sender.email}</td>
                  <td class="optional">{formatTime(x.createdAt)}</td>
                  <td class="optional">{formatTime(x.completedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.total > pageSize ? (
          <p class="actions">
            {q.offset > 0 ? <a href={searchHref('/processes', q, { offset: Math.max(0, q.offset - pageSize) })}>← Previous</a> : null}
            <span class="muted">
              {q.offset + 1}–{Math.min(q.offset + pageSize, r.total)} of {r.total}
            </span>
            {q.offset + pageSize < r.total ? <a href={searchHref('/processes', q, { offset: q.offset + pageSize })}>Next →</a> : null}
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

export function ProcessPage(p: {
  actor: UserActor;
  csrfToken?: string;
  process: ProcessView;
  notice?: string;
  error?: string;
  verification?: ProcessVerification;
  auditQuery?: { q: string; page: number };
}) {
  const x = p.process;
  const waiting = x.signers.filter((s) => s.status === 'invited').length;
  return (
    <Layout title={x.title} actor={p.actor} csrfToken={p.csrfToken}>
      <p>
        <a href="/processes">← Processes</a>
      </p>
      <Notice kind="ok" text={p.notice} />
      <Notice kind="error" text={p.error} />
      <div class="card">
        <h1>{x.title}</h1>
        <p>
          <span class={`badge ${x.status}`}>{x.status}</span> <span class="muted">Process id</span> <span class="mono">{x.id}</span>
        </p>
        <p class="muted">
          Created {formatTime(x.createdAt)} by {x.sender.email}
          {x.completedAt ? ` · completed ${formatTime(x.completedAt)}` : ''}
        </p>
        {x.message ? <div class="message">{x.message}</div> : null}
        <div class="actions">
          <form method="post" action={`/processes/${x.id}/verify`}>
            <Csrf token={p.csrfToken} />
            <button class="secondary" type="submit">Verify signatures</button>
          </form>
        </div>
        {x.status === 'pending' && (x.sender.email === p.actor.email || p.actor.isAdmin) ? (
          // Each action asks first (no script needed): the summary opens the confirmation with the real button.
          <div class="actions confirm-actions">
            <details>
              <summary class="button secondary">Send reminder…</summary>
              <form method="post" action={`/processes/${x.id}/remind`} class="confirm">
                <Csrf token={p.csrfToken} />
                <p>Send a reminder now to the {waiting} signer(s) whose turn it is and who have not signed?</p>
                <button class="secondary" type="submit">Send reminder</button>
              </form>
            </details>
            <details>
              <summary class="button danger">Abort process…</summary>
              <form method="post" action={`/processes/${x.id}/abort`} class="confirm">
                <Csrf token={p.csrfToken} />
                <p>Abort "{x.title}"? Nothing more can be signed, and the signers are told. This cannot be undone.</p>
                <button class="danger" type="submit">Abort process</button>
              </form>
            </details>
          </div>
        ) : null}
      </div>
      {p.verification ? <VerificationCard verification={p.verification} /> : null}
      <div class="card">
        <h2>Documents</h2>
        <table>
          <thead>
            <tr><th>File</th><th>SHA-256</th><th>Download</th></tr>
          </thead>
          <tbody>
            {x.documents.map((d) => (
              <tr>
                <td>
                  {d.filename} {d.kind === 'attachment' ? <span class="badge">attachment</span> : null}
                </td>
                <td class="mono">{d.sha256}</td>
                <td>
                  <a href={`/processes/${x.id}/documents/${d.id}/original`}>original</a>
                  {d.finalSha256 ? (
                    <>
                      {' · '}
                      <a href={`/processes/${x.id}/documents/${d.id}/final.pdf`}>signed PDF</a>
                    </>
                  ) : null}
                  {d.signaturesPageSha256 ? (
                    <>
                      {' · '}
                      <a href={`/processes/${x.id}/documents/${d.id}/signatures-page.pdf`}>signatures page</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {x.status === 'pending' && (x.sender.email === p.actor.email || p.actor.isAdmin) ? <ReplaceDocumentForm process={x} csrfToken={p.csrfToken} /> : null}
      </div>
      {x.blocks.length > 0 ? (
        <div class="card" id="blocks">
          <h2>Signature blocks</h2>
          <p class="muted">Signed in this order; each covers the documents and message fields listed.</p>
          <table>
            <thead>
              <tr><th>#</th><th>Block</th><th>Who may sign</th><th>Status</th><th class="optional">Date</th></tr>
            </thead>
            <tbody>
              {x.blocks.map((b) => (
                <tr>
                  <td>{b.position}</td>
                  <td>
                    <strong>{b.label}</strong>
                    <div class="muted">{[...b.documents, ...b.fields.map((f) => (f === 'title' ? 'the title' : 'the message'))].join(', ')}</div>
                  </td>
                  <td>{b.group ? `any member of ${b.group}` : b.signers.join(', ')}</td>
                  <td>
                    <span class={`badge ${b.status === 'signed' ? 'signed' : b.status === 'open' ? 'invited' : 'waiting'}`}>{b.status}</span>
                    {b.signedBy ? <div class="muted">by {b.signedBy}{b.method ? ` (${b.method})` : ''}</div> : null}
                  </td>
                  <td class="optional time">{formatTime(b.signedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div class="card">
        <h2>Signers</h2>
        <table>
          <thead>
            <tr><th>#</th><th>Signer</th><th>Status</th><th class="optional">Date</th><th class="optional">Method</th></tr>
          </thead>
          <tbody>
            {x.signers.map((s) => (
              <tr>
                <td>{s.position}</td>
                <td>
                  {s.name ? `${s.name} · ` : ''}
                  {s.email}
                  {s.jobTitle || s.organization ? <div class="muted">{[s.jobTitle, s.organization].filter(Boolean).join(', ')}</div> : null}
                </td>
                <td>
                  <span class={`badge ${s.status}`}>{s.status}</span>
                  {s.rejectReason ? <div class="muted">{s.rejectReason}</div> : null}
                  {s.pinLocked ? (
                    <form method="post" action={`/processes/${x.id}/signers/${s.id}/unlock-pin`} class="inline-form">
                      <Csrf token={p.csrfToken} />
                      <div class="muted">Locked after too many wrong PINs</div>
                      <button type="submit" class="secondary small">Unlock the link</button>
                    </form>
                  ) : null}
                </td>
                <td class="optional time">{formatTime(s.signedAt ?? s.rejectedAt ?? s.invitedAt)}</td>
                <td class="optional">{s.method ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>Audit trail</h2>
        {x.auditIntegrity ? (
          x.auditIntegrity.valid ? (
            <p class="notice ok" id="audit-integrity">
              Intact: the hash chain of all {x.auditIntegrity.events} events verifies; no event was edited or deleted.
            </p>
          ) : (
            <div class="notice error" role="alert" id="audit-integrity">
              <strong>The audit trail has been tampered with.</strong>
              <ul>
                {x.auditIntegrity.problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
        <AuditTrail processId={x.id} events={x.auditTrail ?? []} query={p.auditQuery ?? { q: '', page: 1 }} />
      </div>
    </Layout>
  );
}

const AUDIT_PAGE = 50;

/** The audit trail with a search over its messages and pages of 50 events. */
function AuditTrail(p: { processId: string; events: NonNullable<ProcessView['auditTrail']>; query: { q: string; page: number } }) {
  const q = p.query.q.trim().toLowerCase();
  const matching = q ? p.events.filter((e) => `${e.message} ${e.ip ?? ''} ${e.type}`.toLowerCase().includes(q)) : p.events;
  const pages = Math.max(1, Math.ceil(matching.length / AUDIT_PAGE));
  const current = Math.min(Math.max(1, p.query.page), pages);
  const shown = matching.slice((current - 1) * AUDIT_PAGE, current * AUDIT_PAGE);
  const href = (page: number) => `/processes/${p.processId}?${new URLSearchParams({ ...(p.query.q ? { auditQ: p.query.q } : {}), auditPage: String(page) })}#audit`;
  return (
    <div id="audit">
      <form method="get" action={`/processes/${p.processId}#audit`} class="actions" role="search">
        <input type="text" name="auditQ" value={p.query.q} aria-label="Search the audit trail" placeholder="Search events, e.g. an email address" />
        <button class="secondary" type="submit">Search</button>
      </form>
      <p class="muted">
        {matching.length} of {p.events.length} events
      </p>
      <table>
        <thead>
          <tr><th>Time</th><th>Event</th><th class="optional">IP</th></tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr>
              <td class="time">{formatTime(a.createdAt)}</td>
              <td class="text">{a.message}</td>
              <td class="optional">{a.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <p class="actions">
          {current > 1 ? <a href={href(current - 1)}>← Earlier</a> : null}
          <span class="muted">
            Page {current} of {pages}
          </span>
          {current < pages ? <a href={href(current + 1)}>Later →</a> : null}
        </p>
      ) : null}
    </div>
  );
}

/** Totals and charts of the filtered set, for users with a statistics privilege. */
function Statistics({ result: r, stats }: { result: ProcessSearchResult; stats: ProcessStatistics }) {
  return (
    <>
        <div class="card totals" id="totals">
          <div><strong>{r.totals.processes}</strong> processes</div>
          <div><strong>{r.totals.signers}</strong> signers</div>
          <div><strong>{r.totals.documents}</strong> documents</div>
          <div><strong>{r.totals.signatures}</strong> signatures</div>
        <div><strong>{r.totals.strongSignatures}</strong> with strong authentication</div>
        <div class="by-status">
          {statuses.filter((x) => r.totals.byStatus[x] > 0).map((x) => (
            <span class={`badge ${x}`}>
              {r.totals.byStatus[x]} {x}
            </span>
          ))}
        </div>
          <div><strong>{formatDuration(stats.medianHoursToComplete)}</strong> median time to complete</div>
        </div>
        <div class="card charts" id="charts">
          <div>
            <h2>Started and completed per week</h2>
            <p class="muted">
              <span style="color:#0f5cc0">■</span> started <span style="color:#137333">■</span> completed
            </p>
            <WeeklyChart weeks={stats.weeks} />
          </div>
          <div>
            <h2>Where pending processes wait</h2>
            <WaitingChart waitingAt={stats.waitingAt} />
          </div>
        </div>
    </>
  );
}

/** Replacing a document of a pending process: the sender is told, before confirming, whose signatures it withdraws. */
function ReplaceDocumentForm({ process: x, csrfToken }: { process: ProcessView; csrfToken?: string }) {
  const signed = x.signers.filter((s) => s.status === 'signed').map((s) => s.email);
  // With blocks, what each document would withdraw: the first block covering it and every later one, if signed.
  const lostWith = (documentId: string) => {
    const from = x.blocks.findIndex((b) => b.documentIds.includes(documentId));
    return from < 0 ? [] : x.blocks.slice(from).filter((b) => b.status === 'signed');
  };
  const blockLosses = x.documents.map((d) => ({ d, lost: lostWith(d.id) })).filter((l) => l.lost.length > 0);
  return (
    <details id="replace-document">
      <summary class="button secondary">Replace a document…</summary>
      <form method="post" action={`/processes/${x.id}/documents/replace`} enctype="multipart/form-data" class="confirm">
        <Csrf token={csrfToken} />
        <label for="replace-which">Document</label>
        <select id="replace-which" name="documentId" required>
          {x.documents.map((d) => (
            <option value={d.id}>
              {d.filename}
              {d.kind === 'attachment' ? ' (attachment)' : ''}
            </option>
          ))}
        </select>
        <label for="replace-file">New version</label>
        <input id="replace-file" name="file" type="file" required />
        {x.blocks.length > 0 ? (
          blockLosses.length > 0 ? (
            <>
              <p>Replacing a document withdraws the signatures of the first block covering it and of every later block:</p>
              <ul>
                {blockLosses.map(({ d, lost }) => (
                  <li>
                    {d.filename}: {lost.map((b) => `“${b.label}” (${b.signedBy})`).join(', ')}
                  </li>
                ))}
              </ul>
              <label class="inline">
                <input type="checkbox" name="confirm" value="yes" /> I understand: those signers are told and asked to sign again.
              </label>
            </>
          ) : (
            <p class="muted">No signed block covers these documents; the signers who were invited are told about the new version.</p>
          )
        ) : signed.length > 0 ? (
          <label class="inline">
            <input type="checkbox" name="confirm" value="yes" required /> I understand: replacing a document to sign withdraws the signatures of{' '}
            {signed.join(', ')}, and they are asked to sign again.
          </label>
        ) : (
          <p class="muted">Nobody has signed yet; the signers who were invited are told about the new version.</p>
        )}
        <button class="secondary" type="submit">Replace</button>
      </form>
    </details>
  );
}
