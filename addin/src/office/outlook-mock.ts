// Test helper: an Outlook compose item built with office-addin-mock (host outlook). The async APIs call back the
// way Outlook does ({ status, value } or { status: 'failed', error }), and record what they were asked for.
import { OfficeMockObject } from 'office-addin-mock';
import type { ComposeItem } from './compose-item';

export type MockRecipient = { emailAddress: string; displayName: string };
export type MockAttachment = {
  id: string;
  name: string;
  size: number;
  attachmentType?: 'file' | 'item' | 'cloud';
  isInline?: boolean;
  content?: string;
  format?: 'base64' | 'url' | 'eml' | 'iCalendar';
};

type Callback = (result: unknown) => void;
const ok = (cb: Callback, value: unknown) => cb({ status: 'succeeded', value });
const failed = (cb: Callback, message: string, code: number) => cb({ status: 'failed', error: { message, code, name: 'Error' } });

export type MockDraft = {
  to?: MockRecipient[];
  cc?: MockRecipient[];
  subject?: string;
  body?: string;
  /** Undefined: an Outlook without Mailbox 1.8 (no attachment APIs on the item). */
  attachments?: MockAttachment[];
  /** Called before each content read; return an error message to make that read fail. */
  failRead?: (id: string, readCount: number) => string | undefined;
};

export function mockComposeItem(draft: MockDraft) {
  const calls = { bodyCoercion: [] as unknown[], contentReads: [] as string[], closed: 0 };
  const item: Record<string, unknown> = {
    to: { getAsync: (cb: Callback) => ok(cb, draft.to ?? []) },
    cc: { getAsync: (cb: Callback) => ok(cb, draft.cc ?? []) },
    subject: { getAsync: (cb: Callback) => ok(cb, draft.subject ?? '') },
    body: {
      getAsync: (coercion: unknown, cb: Callback) => {
        calls.bodyCoercion.push(coercion);
        ok(cb, draft.body ?? '');
      },
    },
    close: () => {
      calls.closed++;
    },
  };
  if (draft.attachments) {
    const list = draft.attachments;
    item.getAttachmentsAsync = (cb: Callback) =>
      ok(
        cb,
        list.map((a) => ({ id: a.id, name: a.name, size: a.size, attachmentType: a.attachmentType ?? 'file', isInline: a.isInline ?? false })),
      );
    item.getAttachmentContentAsync = (id: string, cb: Callback) => {
      calls.contentReads.push(id);
      const problem = draft.failRead?.(id, calls.contentReads.length);
      if (problem) return failed(cb, problem, 9002);
      const a = list.find((x) => x.id === id);
      if (!a) return failed(cb, 'The attachment was not found', 9008);
      ok(cb, { format: a.format ?? 'base64', content: a.content ?? '' });
    };
  }
  const office = new OfficeMockObject({ context: { mailbox: { item } } }, 'outlook' as never) as unknown as {
    context: { mailbox: { item: ComposeItem } };
  };
  return { item: office.context.mailbox.item, calls, attachments: draft.attachments };
}

export function mockRoamingSettings(initial: Record<string, unknown> = {}, saveFails = false) {
  const stored = { ...initial };
  let saves = 0;
  const office = new OfficeMockObject(
    {
      context: {
        roamingSettings: {
          get: (key: string) => stored[key],
          set: (key: string, value: unknown) => {
            stored[key] = value;
          },
          remove: (key: string) => {
            delete stored[key];
          },
          saveAsync: (cb: Callback) => {
            saves++;
            if (saveFails) failed(cb, 'The settings could not be saved', 9000);
            else ok(cb, undefined);
          },
        },
      },
    },
    'outlook' as never,
  ) as unknown as { context: { roamingSettings: Office.RoamingSettings } };
  return { settings: office.context.roamingSettings, stored, saves: () => saves };
}
