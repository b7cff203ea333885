// The page behind a signer's link: who asks, the message, the signers, the documents, and Sign / Reject when it
// is this signer's turn. Works without JavaScript and at phone width.
import type { getSigningView } from '../domain/signer/get-signing-view';
import { Layout, Notice, formatTime } from './layout';

type View = Awaited<ReturnType<typeof getSigningView>>;

const stateText: Record<Exclude<View['canAct'], 'yes'>, string> = {
  not_your_turn: 'The documents are signed in order: you will get an email when it is your turn.',
  already_signed: 'You have signed. Thank you!',
  already_rejected: 'You have rejected this process.',
  process_ended: '',
};

const processEnded: Record<string, string> = {
  completed: 'Everyone has signed: this process is completed. The signed documents have been sent by email.',
  rejected: 'This process was rejected and has stopped. Nothing more can be signed.',
  aborted: 'The sender has cancelled this process. Nothing more can be signed.',
  expired: 'This process expired before everyone had signed. Nothing more can be signed.',
};

export function SigningPage(p: { token: string; view: View; notice?: { kind: 'ok' | 'error'; text: string } }) {
  const v = p.view;
  const base = `/s/${p.token}`;
  const state = v.canAct === 'process_ended' ? processEnded[v.process.status] : v.canAct !== 'yes' ? stateText[v.canAct] : '';
  return (
    <Layout title={v.process.title}>
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <div class="card">
        <h1>{v.process.title}</h1>
        <p>
          <strong>{v.sender.name ?? v.sender.email}</strong> ({v.sender.email}) asks{' '}
          {v.signer.name ? `${v.signer.name} (${v.signer.email})` : v.signer.email} to sign.
        </p>
        {v.process.message ? <div class="message">{v.process.message}</div> : null}
        {state ? (
          <div class={`notice ${v.canAct === 'already_signed' || v.process.status === 'completed' ? 'ok' : v.process.status === 'pending' ? '' : 'error'}`} role="status" id="state" style="margin-top:14px">
            {state}
          </div>
        ) : null}
      </div>
      <div class="card">
        <h2>Documents</h2>
        <ul>
          {v.documents.map((d) => (
            <li>
              <a href={`${base}/documents/${d.id}`} target="_blank" rel="noopener">
                {d.filename}
              </a>{' '}
              {d.kind === 'attachment' ? <span class="badge">attachment</span> : null} ·{' '}
              <a href={`${base}/documents/${d.id}?download=1`}>download</a>
              {d.finalSha256 ? (
                <>
                  {' · '}
                  <a href={`${base}/documents/${d.id}/final.pdf`}>signed PDF</a>
                </>
              ) : null}
              <div class="mono muted">SHA-256 {d.sha256}</div>
            </li>
          ))}
        </ul>
      </div>
      <div class="card">
        <h2>Signers</h2>
        <table>
          <tbody>
            {v.signers.map((s) => (
              <tr>
                <td>
                  {s.name ? `${s.name} · ` : ''}
                  {s.email}
                  {s.id === v.signer.id ? <span class="muted"> (you)</span> : null}
                </td>
                <td>
                  <span class={`badge ${s.status}`}>{s.status === 'waiting' ? 'waiting for turn' : s.status}</span>
                </td>
                <td class="optional time">{formatTime(s.signedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.canAct === 'yes' ? (
        <div class="card" id="act">
          <h2>Your decision</h2>
          <p>By signing you approve the documents above exactly as they are.</p>
          <form method="post" action={`${base}/sign`} class="actions">
            <button type="submit" id="sign">Sign</button>
          </form>
          <details style="margin-top:16px">
            <summary>Reject…</summary>
            <form method="post" action={`${base}/reject`}>
              <label for="reason">Reason for rejecting</label>
              <textarea id="reason" name="reason" required maxlength={2000}></textarea>
              <div class="actions">
                <button class="danger" type="submit">Reject</button>
              </div>
            </form>
          </details>
        </div>
      ) : null}
    </Layout>
  );
}
