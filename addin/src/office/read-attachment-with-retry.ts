// getAttachmentContentAsync fails now and then, and while Outlook is still uploading an attachment its id
// changes. So: try again after a pause, and before each new try look the attachment up again by name and size.
import { listFileAttachments, readAttachmentBytes, type ComposeItem, type DraftAttachment } from './compose-item';

export type RetryOptions = { attempts?: number; delayMs?: number; onRetry?: (attempt: number, error: unknown) => void };

export async function readAttachmentWithRetry(item: ComposeItem, attachment: DraftAttachment, options: RetryOptions = {}): Promise<Uint8Array> {
  const attempts = options.attempts ?? 4;
  const delayMs = options.delayMs ?? 700;
  let id = attachment.id;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await readAttachmentBytes(item, id);
    } catch (err) {
      lastError = err;
      if (attempt === attempts) break;
      options.onRetry?.(attempt, err);
      await new Promise((r) => setTimeout(r, delayMs * attempt));
      id = (await findCurrentId(item, attachment)) ?? id;
    }
  }
  throw lastError;
}

async function findCurrentId(item: ComposeItem, attachment: DraftAttachment): Promise<string | undefined> {
  try {
    const list = await listFileAttachments(item);
    return (list.find((a) => a.id === attachment.id) ?? list.find((a) => a.name === attachment.name && a.size === attachment.size))?.id;
  } catch {
    return undefined;
  }
}
