// The page behind a signer's link: who asks, the message, the signers, the documents, and Sign / Reject when it
// is this signer's turn. Works without JavaScript and at phone width.
import type { getSigningView } from '../domain/signer/get-signing-view';
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { LanguageNav } from './language-nav';
import { Layout, Notice, formatTime } from './layout';

type View = Awaited<ReturnType<typeof getSigningView>>;

const stateKey: Record<Exclude<View['canAct'], 'yes' | 'process_ended'>, string> = {
  not_your_turn: 'sign.notYourTurn',
  nothing_left: 'sign.nothingLeft',
  already_signed: 'sign.alreadySigned',
  already_rejected: 'sign.alreadyRejected',
  already_forwarded: 'sign.alreadyForwarded',
};

export function SigningPage(p: { token: string; view: View; t: Translate; language: Language; notice?: { kind: 'ok' | 'error'; text: string } }) {
  const { t, view: v } = p;
  const base = `/s/${p.token}`;
  // Signing for a company needs a verified identity: only identity providers are offered then.
  const methods = v.signer.businessId ? v.process.signatureMethods.filter((m) => m.startsWith('oidc:')) : v.process.signatureMethods;
  const showDetails = v.signerDetails !== 'disabled';
  const toDownload = v.toDownload.join(' ');
  const blocked = v.toDownload.length > 0;
  const block = v.currentBlock;
  // What a block covers, in words: its documents and message fields.
  const covers = (b: { documents: string[]; fields: string[] }) =>
    [...b.documents, ...b.fields.map((f) => t(f === 'title' ? 'sign.fieldTitle' : 'sign.fieldMessage'))].join(', ');
  const blockInput = block ? <input type="hidden" name="block" value={block.id} /> : null;
  const state = v.canAct === 'process_ended' ? t(`sign.${v.process.status}`) : v.canAct !== 'yes' ? t(stateKey[v.canAct]) : '';
  return (
    <Layout title={v.process.title} lang={p.language} head={
        <>
          <script src="/assets/signing.js" defer></script>
          <script type="module" src="/assets/pdf-viewer.js"></script>
        </>
      }>
      <LanguageNav base={base} language={p.language} t={t} />
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
              <a href={`${base}/documents/${d.id}`} target="_blank" rel="noopener" data-view={d.kind === 'document' || /\.pdf$/i.test(d.filename) ? '' : undefined}>
                {d.filename}
              </a>{' '}
              {d.kind === 'attachment' ? <span class="badge">{t('sign.attachment')}</span> : null} ·{' '}
              <a href={`${base}/documents/${d.id}?download=1`} data-download={d.kind === 'document' ? d.id : undefined}>
                {t('sign.download')}
              </a>
              {v.process.forceDownload && d.kind === 'document' ? (
                <span class="badge signed downloaded-mark" data-downloaded-mark={d.id} hidden={!d.downloaded}>
                  {' '}
                  ✓ {t('sign.downloaded')}
                </span>
              ) : null}
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
      <section class="card viewer" id="viewer" hidden aria-labelledby="viewer-title">
        <div class="viewer-head">
          <h2 id="viewer-title"></h2>
          <button type="button" class="secondary small" id="viewer-close">
            {t('sign.viewerClose')}
          </button>
        </div>
        <p class="muted" id="viewer-status" role="status" data-loading={t('sign.viewerLoading')} data-failed={t('sign.viewerFailed')} data-page={t('sign.viewerPage')}></p>
        <div id="viewer-pages" class="viewer-pages"></div>
      </section>
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
                  {showDetails && (s.jobTitle || s.organization) ? <div class="muted">{[s.jobTitle, s.organization].filter(Boolean).join(', ')}</div> : null}
                  {s.businessId ? <div class="muted">{t('sign.forCompany', { businessId: s.businessId })}</div> : null}
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
      {v.blocks.length > 0 ? (
        <div class="card" id="blocks">
          <h2>{t('sign.blocks')}</h2>
          <ol class="blocks">
            {v.blocks.map((b) => (
              <li class={b.id === block?.id ? 'current' : undefined}>
                <strong>{b.label}</strong>{' '}
                <span class={`badge ${b.status === 'signed' ? 'signed' : b.status === 'open' ? 'invited' : 'waiting'}`}>
                  {b.status === 'signed' ? t('sign.blockSigned', { who: b.signedBy ?? '' }) : t(b.status === 'open' ? 'sign.blockOpen' : 'sign.blockWaiting')}
                </span>
                <span class="optional time"> {formatTime(b.signedAt)}</span>
                <div class="muted">
                  {t('sign.blockCovers', { what: covers(b) })}
                  {' · '}
                  {b.group ? t('sign.blockGroup', { group: b.group }) : b.signers.join(', ')}
                </div>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {v.handoverTo.length > 0 ? (
        <div class="card" id="handover">
          <h2>{t('sign.handoverTitle')}</h2>
          <p>{t('sign.handoverHelp')}</p>
          {v.handoverTo.map((next) => (
            <form method="post" action={`${base}/handover`} class="actions">
              <input type="hidden" name="to" value={next.id} />
              <button type="submit" class="secondary">
                {t('sign.handoverTo', { name: next.name })}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      {v.canAct === 'yes' ? (
        <div class="card" id="act">
          <h2>{t('sign.yourDecision')}</h2>
          <p>{block ? t('sign.approveBlock', { label: block.label, what: covers(block) }) : t('sign.approve')}</p>
          {v.toDownload.length > 0 ? (
            <p class="notice" id="download-first" role="status">
              {t('sign.downloadFirst')}
            </p>
          ) : null}
          {v.signerDetails === 'editable_by_signer' ? (
            // Tied to the click-to-sign form by the form attribute (no script needed); the script copies them into
            // the drawing form when that one is sent.
            <fieldset class="signer-details">
              <legend>{t('sign.yourDetails')}</legend>
              <label for="jobTitle">{t('sign.jobTitle')}</label>
              <input id="jobTitle" name="jobTitle" maxlength={200} value={v.signer.jobTitle ?? ''} form="sign-button-form" data-detail />
              <label for="organization">{t('sign.organization')}</label>
              <input id="organization" name="organization" maxlength={200} value={v.signer.organization ?? ''} form="sign-button-form" data-detail />
            </fieldset>
          ) : null}
          {v.purposes.length > 0 || v.asksAccountPassword ? (
            // Tied to the click-to-sign form; the script copies them into the drawing and identity-provider forms.
            <fieldset class="signer-details" id="sign-as">
              {v.purposes.length > 0 ? (
                <>
                  <label for="purpose">{t('sign.purposeLabel')}</label>
                  <select id="purpose" name="purpose" required form="sign-button-form" data-detail>
                    <option value="">{t('sign.purposeChoose')}</option>
                    {v.purposes.map((p) => (
                      <option value={p}>{p}</option>
                    ))}
                  </select>
                </>
              ) : null}
              {v.asksAccountPassword ? (
                <>
                  <label for="accountPassword">{t('sign.accountPassword')}</label>
                  <input id="accountPassword" name="password" type="password" autocomplete="current-password" required form="sign-button-form" data-detail aria-describedby="accountPasswordHelp" />
                  <p class="muted" id="accountPasswordHelp">
                    {t('sign.accountPasswordHelp')}
                  </p>
                </>
              ) : null}
            </fieldset>
          ) : null}
          {v.process.allowSignAndForward ? (
            <details class="sign-and-forward">
              <summary>{t('sign.signAndForward')}</summary>
              <label for="forwardEmail">{t('sign.forwardEmail')}</label>
              <input id="forwardEmail" name="forwardEmail" type="email" maxlength={254} form="sign-button-form" data-detail />
              <label for="forwardName">{t('sign.forwardName')}</label>
              <input id="forwardName" name="forwardName" maxlength={200} form="sign-button-form" data-detail />
              <label for="forwardPhone">{t('sign.forwardPhone')}</label>
              <input id="forwardPhone" name="forwardPhone" type="tel" maxlength={20} form="sign-button-form" data-detail />
            </details>
          ) : null}
          {methods.includes('handwritten') ? (
            <form method="post" action={`${base}/sign`} class="signature-pad-form" data-sign-form data-to-download={toDownload}>
              <input type="hidden" name="method" value="handwritten" />
              {blockInput}
              <input type="hidden" name="drawing" value="" />
              <h3>{t('sign.drawTitle')}</h3>
              <p class="muted">{t('sign.drawHelp')}</p>
              <canvas data-signature-pad class="signature-pad" role="img" aria-label={t('sign.drawArea')} width="600" height="180"></canvas>
              <label for="typed-signature">{t('sign.typeSignature')}</label>
              <input id="typed-signature" data-pad-typed maxlength={100} autocomplete="name" />
              <noscript>
                <p class="notice error">{t('sign.drawNeedsScript')}</p>
              </noscript>
              <p class="notice error" data-pad-error role="alert" hidden>
                {t('sign.errorDrawing')}
              </p>
              <div class="actions">
                <button type="button" class="secondary" data-pad-clear>
                  {t('sign.drawClear')}
                </button>
                <button type="submit" id="sign-drawn" disabled={blocked}>
                  {block ? t('sign.drawSignBlock', { label: block.label }) : t('sign.drawSign')}
                </button>
              </div>
            </form>
          ) : null}
          {methods.includes('button') ? (
            <>
              {methods.includes('handwritten') ? <p style="margin-top:16px">{t('sign.orClick')}</p> : null}
              <form method="post" action={`${base}/sign`} class="actions" id="sign-button-form" data-sign-form data-to-download={toDownload}>
                <input type="hidden" name="method" value="button" />
                {blockInput}
                <button type="submit" id="sign" disabled={blocked}>
                  {block ? block.label : t('sign.signButton')}
                </button>
              </form>
            </>
          ) : null}
          {v.identityProviders.length > 0 ? (
            <div class="identity-methods">
              <p style="margin-top:16px">{methods.some((m) => !m.startsWith('oidc:')) ? t('sign.orIdentity') : t('sign.identityIntro')}</p>
              {v.identityProviders.map((p) => (
                <form method="post" action={`${base}/oidc/start`} class="actions" data-sign-form data-to-download={toDownload}>
                  <input type="hidden" name="provider" value={p.id} />
                  {blockInput}
                  <button type="submit" disabled={blocked} data-provider={p.id}>
                    {t('sign.signWith', { provider: p.name })}
                  </button>
                </form>
              ))}
            </div>
          ) : null}
          {v.process.allowForward ? (
            <details style="margin-top:16px" id="forward">
              <summary>{t('sign.forwardTitle')}</summary>
              <form method="post" action={`${base}/forward`}>
                <p class="muted">{t('sign.forwardHelp')}</p>
                <label for="forward-email">{t('sign.forwardEmail')}</label>
                <input id="forward-email" name="email" type="email" required maxlength={254} />
                <label for="forward-name">{t('sign.forwardName')}</label>
                <input id="forward-name" name="name" maxlength={200} />
                <label for="forward-phone">{t('sign.forwardPhone')}</label>
                <input id="forward-phone" name="phone" type="tel" maxlength={20} />
                <div class="actions">
                  <button type="submit" class="secondary">{t('sign.forwardButton')}</button>
                </div>
              </form>
            </details>
          ) : null}
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
