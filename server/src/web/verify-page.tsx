// The public verification page: upload a PDF to check its signatures, or open the record behind a code.
import type { DocumentRecord } from '../domain/verify/load-document-record';
import type { VerificationReport } from '../domain/verify/verify-document';
import { Layout, Notice, formatTime } from './layout';

const verdictClass = { valid: 'ok', modified: 'error', invalid: 'error', unsigned: '' } as const;
const verdictTitle = { valid: 'Valid', modified: 'Changed after signing', invalid: 'Not valid', unsigned: 'Not signed' } as const;

export function VerifyPage(p: { report?: VerificationReport; record?: DocumentRecord; code?: string; error?: string }) {
  return (
    <Layout title="Verify a document">
      <h1>Verify a signed document</h1>
      <Notice kind="error" text={p.error} />
      {p.record ? <RecordCard record={p.record} heading={`Document with verification code ${p.code}`} /> : null}
      {p.report ? <ReportCards report={p.report} /> : null}
      <div class="card">
        <h2>{p.report || p.record ? 'Check a file' : 'Check a PDF'}</h2>
        <p class="muted">
          Choose the PDF you received. Its signatures are checked and it is looked up by its SHA-256; the file is not kept.
        </p>
        <form method="post" action="/verify" enctype="multipart/form-data" class="actions">
          <input type="file" name="file" accept="application/pdf,.pdf" required aria-label="PDF file to verify" />
          <button type="submit">Verify</button>
        </form>
      </div>
    </Layout>
  );
}

function ReportCards({ report }: { report: VerificationReport }) {
  return (
    <>
      <div class={`card notice ${verdictClass[report.verdict]}`} role="status" id="verdict">
        <h2>{verdictTitle[report.verdict]}</h2>
        <p>{report.summary}</p>
        <p class="mono">SHA-256 {report.sha256}</p>
      </div>
      {report.signatures.length > 0 ? (
        <div class="card">
          <h2>Signatures in the file</h2>
          <table>
            <thead>
              <tr><th>Signature</th><th>Signed by</th><th>Checks</th></tr>
            </thead>
            <tbody>
              {report.signatures.map((s) => (
                <tr>
                  <td>
                    {s.fieldName || '—'}
                    <div class="muted">{s.subFilter}</div>
                  </td>
                  <td>
                    {s.signer}
                    {s.bySealOfThisServer ? <div><span class="badge completed">seal of this service</span></div> : null}
                  </td>
                  <td>
                    <ul style="margin:0;padding-left:18px">
                      <li>{s.digestValid ? 'Signed content unchanged' : 'Signed content was changed'}</li>
                      <li>{s.signatureValid ? 'Signature valid' : 'Signature not valid'}</li>
                      <li>{s.coversWholeDocument ? 'Covers the whole file' : s.onlyValidationDataAfter ? 'Covers the whole document; long-term validation data (DSS) added after it' : `${s.bytesAfter} bytes added after it`}</li>
                      {s.padesBaseline ? <li>PAdES baseline attributes</li> : null}
                      {s.timestamp ? (
                        <li>
                          {s.timestamp.valid ? `Timestamped ${formatTime(s.timestamp.time)} by ${s.timestamp.authority}` : 'Timestamp not valid'}
                        </li>
                      ) : null}
                      {s.problem ? <li>{s.problem}</li> : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.document ? (
        <RecordCard record={report.document} heading={report.document.version === 'final' ? 'This is a signed document from this service' : 'This is the original of a document signed here'} />
      ) : (
        <div class="card">
          <p>This exact file is not known to this service.</p>
        </div>
      )}
    </>
  );
}

function RecordCard({ record, heading }: { record: DocumentRecord; heading: string }) {
  return (
    <div class="card" id="record">
      <h2>{heading}</h2>
      <p>
        <strong>{record.process.title}</strong> · {record.filename} · <span class={`badge ${record.process.status}`}>{record.process.status}</span>
      </p>
      <p class="muted">
        Started {formatTime(record.process.createdAt)}
        {record.process.completedAt ? ` · completed ${formatTime(record.process.completedAt)}` : ''}
      </p>
      <table>
        <thead>
          <tr><th>Signer</th><th>Signed</th><th>Method</th></tr>
        </thead>
        <tbody>
          {record.process.signers.map((s) => (
            <tr>
              <td>{s.name ? `${s.name} · ${s.email}` : s.email}</td>
              <td>{s.signedAt ? formatTime(s.signedAt) : s.status}</td>
              <td>{s.method ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
