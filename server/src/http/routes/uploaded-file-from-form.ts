// A file field of a parsed multipart form as the domain's UploadedFile (undefined when none was chosen).
import type { UploadedFile } from '../../domain/process/uploaded-file';

export async function uploadedFile(value: unknown): Promise<UploadedFile | undefined> {
  if (!(value instanceof File) || (value.size === 0 && !value.name)) return undefined;
  return { filename: value.name || 'document.pdf', contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}
