import type { UserActor } from '../domain/context';
import type { RenderedMessage } from '../domain/mail/templates';
import { Layout, formatTime } from './layout';

interface OutboxMessage {
  id: string;
  recipient: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  processId: string | null;
  rendered: RenderedMessage;
}

export function OutboxPage(p: { actor: UserActor; csrfToken?: string; total: number; page: number; pageSize: number; messages: OutboxMessage[]; smtp: boolean }) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return (
    <Layout title="Outbox" actor={p.actor} csrfToken={p.csrfToken}>
      <h1>Outbox</h1>
      <p class="muted">
        Every email the server sends, newest first.{' '}
        {p.smtp ? 'Messages are delivered through SMTP.' : 'No SMTP server is configured (SMTP_URL): messages are kept here and not delivered.'}
      </p>
      <div class="card">
        {p.messages.length === 0 ? (
          <p>No messages yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th class="optional">Time</th>
                <th>To</th>
                <th>Subject</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {p.messages.map((m) => (
                <tr>
                  <td class="optional time">{formatTime(m.createdAt)}</td>
                  <td class="text">{m.recipient}</td>
                  <td>
                    <a href={`/outbox/${m.id}`}>{m.rendered.subject}</a>
                  </td>
                  <td>
                    <span class={`badge ${m.status}`}>{m.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <p class="actions">
            {p.page > 1 ? <a href={`/outbox?page=${p.page - 1}`}>← Newer</a> : null}
            <span class="muted">
              Page {p.page} of {pages}
            </span>
            {p.page < pages ? <a href={`/outbox?page=${p.page + 1}`}>Older →</a> : null}
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

export function OutboxMessagePage(p: { actor: UserActor; csrfToken?: string; message: OutboxMessage }) {
  const m = p.message;
  return (
    <Layout title={m.rendered.subject} actor={p.actor} csrfToken={p.csrfToken}>
      <p>
        <a href="/outbox">← Outbox</a>
      </p>
      <div class="card">
        <h1>{m.rendered.subject}</h1>
        <table>
          <tbody>
            <tr><th>To</th><td>{m.recipient}</td></tr>
            <tr><th>Created</th><td>{formatTime(m.createdAt)}</td></tr>
            <tr><th>Status</th><td><span class={`badge ${m.status}`}>{m.status}</span> {m.sentAt ? formatTime(m.sentAt) : ''} {m.lastError ?? ''}</td></tr>
            {m.processId ? <tr><th>Process</th><td><a href={`/processes/${m.processId}`}>{m.processId}</a></td></tr> : null}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>Message</h2>
        <div class="message" id="message-text">
          {linkify(m.rendered.text)}
        </div>
        {m.rendered.attachments.length > 0 ? (
          <>
            <h2 style="margin-top:14px">Attachments</h2>
            <ul>
              {m.rendered.attachments.map((a) => (
                <li>
                  <a href={`/processes/${m.processId}/documents/${a.documentId}/final.pdf`}>{a.filename}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Layout>
  );
}

/** Makes the links in a plain-text email clickable (the text itself stays escaped). */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part));
}
