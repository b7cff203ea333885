// The page behind a signer's link: who asks, the message, the signers, the documents, and Sign / Reject when it
// is this signer's turn. Works without JavaScript and at phone width.
import type { getSigningView } from '../domain/signer/get-signing-view';
import { languageNames, languages, type Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { Layout, Notice, formatTime } from './layout';

type View = Awaited<ReturnType<typeof getSigningView>>;

const stateKey: Record<Exclude<View['canAct'], 'yes' | 'process_ended'>, string> = {
  not_your_turn: 'sign.notYourTurn',
  already_signed: 'sign.alreadySigned',
  already_rejected: 'sign.alreadyRejected',
};

export function SigningPage(p: { token: string; view: View; t: Translate; language: Language; notice?: { kind: 'ok' | 'error'; text: string } }) {
  const { t, view: v } = p;
  const base = `/s/${p.token}`;
  const state = v.canAct === 'process_ended' ? t(`sign.${v.process.status}`) : v.canAct !== 'yes' ? t(stateKey[v.canAct]) : '';
  return (
    <Layout title={v.process.title} lang={p.language}>
      <nav class="languages" aria-label={t('sign.language')}>
        {languages.map((l) =>
          l === p.language ? (
            <strong lang={l} aria-current="true">{languageNames[l]}</strong>
          ) : (
            <a href={`${base}?lang=${l}`} lang={l} hreflang={l}>
              {languageNames[l]}
            </a>
          ),
        )}
      </nav>
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <div class="card">
        <h1>{v.process.title}</h1>
        <p>{t('sign.asks', { sender: v.sender.name ?? v.sender.email, senderEmail: v.sender.email, signer: v.signer.name ? `${v.signer.name} (${v.signer.email})` : v.signer.email })}</p>
        {v.process.message ? <div class="message">{v.process.message}</div> : null}
        {state ? (
          <div class={`notice ${v.canAct === 'already_signed' || v.process.status === 'completed' ? 'ok' : v.process.status === 'pending' ? '' : 'error'}`} role="status" id="state" style="margin-top:14px">
            {state}
          </div>
        ) : null}
      </div>
      <div class="card">
        <h2>{t('sign.documents')}</h2>
        <ul>
          {v.documents.map((d) => (
            <li>
              <a href={`${base}/documents/${d.id}`} target="_blank" rel="noopener">
                {d.filename}
              </a>{' '}
              {d.kind === 'attachment' ? <span class="badge">{t('sign.attachment')}</span> : null} ·{' '}
              <a href={`${base}/documents/${d.id}?download=1`}>{t('sign.download')}</a>
              {d.finalSha256 ? (
                <>
                  {' · '}
                  <a href={`${base}/documents/${d.id}/final.pdf`}>{t('sign.signedPdf')}</a>
                </>
              ) : null}
              <div class="mono muted">SHA-256 {d.sha256}</div>
            </li>
          ))}
        </ul>
      </div>
      <div class="card">
        <h2>{t('sign.signers')}</h2>
        <table>
          <tbody>
            {v.signers.map((s) => (
              <tr>
                <td>
                  {s.name ? `${s.name} · ` : ''}
                  {s.email}
                  {s.id === v.signer.id ? <span class="muted"> {t('sign.you')}</span> : null}
                </td>
                <td>
                  <span class={`badge ${s.status}`}>{t(`sign.status.${s.status}`)}</span>
                </td>
                <td class="optional time">{formatTime(s.signedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.canAct === 'yes' ? (
        <div class="card" id="act">
          <h2>{t('sign.yourDecision')}</h2>
          <p>{t('sign.approve')}</p>
          <form method="post" action={`${base}/sign`} class="actions">
            <button type="submit" id="sign">{t('sign.signButton')}</button>
          </form>
          <details style="margin-top:16px">
            <summary>{t('sign.reject')}</summary>
            <form method="post" action={`${base}/reject`}>
              <label for="reason">{t('sign.rejectReason')}</label>
              <textarea id="reason" name="reason" required maxlength={2000}></textarea>
              <div class="actions">
                <button class="danger" type="submit">{t('sign.rejectButton')}</button>
              </div>
            </form>
          </details>
        </div>
      ) : null}
    </Layout>
  );
}
