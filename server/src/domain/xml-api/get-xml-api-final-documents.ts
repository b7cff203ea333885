// The sealed final documents of a process started through the XML API; a process not sealed yet is a conflict
// (ask again later), never an empty answer.
import type { ProcessView } from '@secure-signature/shared';
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import { conflict } from '../errors';
import { getXmlApiProcess } from './get-xml-api-process';

export async function getXmlApiFinalDocuments(
  ctx: Ctx,
  input: { processId: string },
): Promise<{ process: ProcessView; documents: { filename: string; sha256: string; bytes: Uint8Array }[] }> {
  const process = await getXmlApiProcess(ctx, input);
  if (!process.sealedAt) throw conflict(`The process is ${process.status} and its final documents are not sealed yet`);
  const documents = [];
  for (const d of process.documents.filter((x) => x.kind === 'document' && x.finalSha256)) {
    const file = await readDocumentFile(ctx, { processId: process.id, documentId: d.id, version: 'final' });
    documents.push({ filename: file.filename, sha256: d.finalSha256!, bytes: file.bytes });
  }
  return { process, documents };
}
