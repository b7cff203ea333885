// Reads the multipart body of POST /api/v1/processes: a `process` JSON part, `documents` PDFs and optional
// `attachments`. Turns every malformed part into a clear 4xx naming it.
import type { z } from 'zod';
import type { StartProcessInput } from '@secure-signature/shared';
import { DomainError } from '../../domain/errors';
import type { UploadedFile } from '../../domain/process/uploaded-file';

export async function readProcessUpload(request: Request, schema: z.ZodType<StartProcessInput, any>) {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new DomainError('unsupported_media_type', 'Send multipart/form-data with a "process" part and "documents" files');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError('invalid_input', 'The multipart body could not be read');
  }
  const part = form.get('process');
  if (part === null) throw new DomainError('invalid_input', 'The "process" part (JSON) is missing', 'process');
  let json: unknown;
  try {
    json = JSON.parse(typeof part === 'string' ? part : await part.text());
  } catch {
    throw new DomainError('invalid_input', 'The "process" part is not valid JSON', 'process');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new DomainError('invalid_input', `${field || 'process'}: ${issue.message}`, field || 'process');
  }
  return {
    process: parsed.data,
    documents: await files(form, 'documents'),
    attachments: await files(form, 'attachments'),
  };
}

async function files(form: FormData, name: string): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  for (const entry of form.getAll(name)) {
    if (typeof entry === 'string') throw new DomainError('invalid_input', `"${name}" must be files, not text`, name);
    out.push({
      filename: cleanFilename(entry.name),
      contentType: entry.type || 'application/octet-stream',
      bytes: new Uint8Array(await entry.arrayBuffer()),
    });
  }
  return out;
}

/** Keeps a file name displayable and safe: no paths, no control characters, bounded length. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'document.pdf';
}
