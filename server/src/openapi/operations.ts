// Every operation of the REST API under /api/v1, with the shared zod schemas of its body and answer. A test
// compares this list with the routes the app registers, so a new route without a description fails the build.
import { z } from 'zod';
import {
  addressBookEntry,
  createUserInput,
  currentUser,
  fileRoomProcessView,
  groupInput,
  identityProviderInput,
  processSearchQuery,
  processSearchResult,
  processView,
  reportTemplateChoice,
  reportTemplateInput,
  reportTemplateView,
  settingsSchema,
  startFormConfig,
  startProcessInput,
  blockGroups,
  tokenResponse,
  updateUserInput,
  userView,
} from '@secure-signature/shared';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono style, below /api/v1: /processes/:id */
  path: string;
  tag: string;
  summary: string;
  /** none: no authentication; basic: username and password (token issue). Default: bearer token or session. */
  auth?: 'none' | 'basic';
  /** multipart: the form's fields, files or text. */
  body?: z.ZodType | 'multipart-process' | { multipart: Record<string, 'file' | 'text'> };
  query?: z.ZodObject;
  /** The answer on success; 'pdf' for files; undefined: JSON without a fixed schema. */
  response?: z.ZodType | 'file';
  status?: 200 | 201 | 204;
}

const messageTemplateText = z.object({ subject: z.string().optional(), body: z.string() });
const tokenList = z.object({ tokens: z.array(z.object({ id: z.string(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })) });

export const operations: Operation[] = [
  { method: 'post', path: '/tokens', tag: 'Tokens', summary: 'Issue an API token (HTTP Basic with username or email and password)', auth: 'basic', body: z.object({ label: z.string().max(100).optional() }), response: tokenResponse, status: 201 },
  { method: 'get', path: '/tokens', tag: 'Tokens', summary: 'Your API tokens that still work', response: tokenList },
  { method: 'delete', path: '/tokens/:id', tag: 'Tokens', summary: 'Revoke one of your API tokens', status: 204 },

  { method: 'post', path: '/processes', tag: 'Processes', summary: 'Start a signature process (multipart: "process" JSON, "documents" PDFs, optional "attachments")', body: 'multipart-process', response: processView, status: 201 },
  { method: 'get', path: '/processes', tag: 'Processes', summary: 'Search processes (yours, or all for admins)', query: processSearchQuery, response: processSearchResult },
  { method: 'get', path: '/processes/:id', tag: 'Processes', summary: 'A process with its signers and documents', response: processView },
  { method: 'get', path: '/processes/:id/verify', tag: 'Processes', summary: "Re-check each signer's sign hash and the audit trail" },
  { method: 'post', path: '/processes/:id/abort', tag: 'Processes', summary: 'Abort a pending process', response: processView },
  { method: 'post', path: '/processes/:id/remind', tag: 'Processes', summary: 'Remind the signers who have not signed yet' },
  { method: 'put', path: '/processes/:id/documents/:documentId', tag: 'Processes', summary: 'Replace a document of a pending process ("confirm": true when someone already signed)', body: { multipart: { file: 'file', confirm: 'text' } } },
  { method: 'post', path: '/processes/:id/signers/:signerId/unlock-pin', tag: 'Processes', summary: "Unlock a signer's link locked by wrong SMS PINs", response: processView },
  { method: 'get', path: '/processes/:id/documents/:documentId/original', tag: 'Processes', summary: 'The uploaded document or attachment', response: 'file' },
  { method: 'get', path: '/processes/:id/documents/:documentId/final.pdf', tag: 'Processes', summary: 'The sealed final PDF', response: 'file' },
  { method: 'get', path: '/processes/:id/documents/:documentId/signatures-page.pdf', tag: 'Processes', summary: 'The separately sealed signatures page (report template "separate file")', response: 'file' },

  {
    method: 'post',
    path: '/file-rooms/:roomId/processes',
    tag: 'File rooms',
    summary: 'A file room starts a process (multipart like POST /processes plus "folder"; signed with the room secret: X-Secure-Signature-Timestamp and X-Secure-Signature-Signature, see docs/file-rooms.md)',
    auth: 'none',
    body: { multipart: { process: 'text', documents: 'file', attachments: 'file', folder: 'text' } },
    response: fileRoomProcessView,
    status: 201,
  },
  { method: 'get', path: '/file-rooms/:roomId/processes/:id', tag: 'File rooms', summary: 'A file room polls a process it started (signed like the start)', auth: 'none', response: fileRoomProcessView },

  { method: 'post', path: '/verify', tag: 'Verify', summary: 'Verify a signed PDF', auth: 'none', body: { multipart: { file: 'file' } } },

  { method: 'get', path: '/start-form/config', tag: 'Start form', summary: "The start form's options as the admin set them", auth: 'none', response: startFormConfig },
  { method: 'get', path: '/me', tag: 'Start form', summary: 'The signed-in user', response: currentUser },
  { method: 'get', path: '/start-form/groups', tag: 'Start form', summary: 'The groups a signature block may name (any member signs)', response: blockGroups },
  { method: 'get', path: '/start-form/report-templates', tag: 'Start form', summary: 'Whether the sender picks a report template, and which they may', response: z.object({ choose: z.boolean(), templates: z.array(reportTemplateChoice) }) },
  { method: 'get', path: '/address-book', tag: 'Start form', summary: 'Recent signers and global addresses', response: z.object({ entries: z.array(addressBookEntry) }) },

  { method: 'get', path: '/admin/settings', tag: 'Admin', summary: 'The settings (secrets masked)', response: settingsSchema },
  { method: 'put', path: '/admin/settings', tag: 'Admin', summary: 'Replace the settings (a masked secret keeps its value)', body: settingsSchema, response: settingsSchema },
  { method: 'get', path: '/admin/identity-providers', tag: 'Admin', summary: 'OpenID Connect identity providers for signing' },
  { method: 'post', path: '/admin/identity-providers', tag: 'Admin', summary: 'Add an identity provider', body: identityProviderInput, status: 201 },
  { method: 'put', path: '/admin/identity-providers/:id', tag: 'Admin', summary: 'Change an identity provider', body: identityProviderInput },
  { method: 'delete', path: '/admin/identity-providers/:id', tag: 'Admin', summary: 'Remove an identity provider', status: 204 },
  { method: 'get', path: '/admin/seal-key', tag: 'Admin', summary: 'The certificate documents are sealed with' },
  { method: 'post', path: '/admin/seal-key', tag: 'Admin', summary: 'Upload a PKCS#12 and its password to seal with', body: { multipart: { file: 'file', password: 'text' } }, status: 201 },
  { method: 'post', path: '/admin/seal-key/generate', tag: 'Admin', summary: 'Generate a new self-signed sealing key', body: z.object({ algorithm: z.string() }), status: 201 },
  { method: 'get', path: '/admin/groups', tag: 'Admin', summary: 'Groups of users and their privileges' },
  { method: 'post', path: '/admin/groups', tag: 'Admin', summary: 'Add a group', body: groupInput, status: 201 },
  { method: 'put', path: '/admin/groups/:id', tag: 'Admin', summary: 'Change a group', body: groupInput },
  { method: 'delete', path: '/admin/groups/:id', tag: 'Admin', summary: 'Remove a group', status: 204 },
  { method: 'get', path: '/admin/report-templates', tag: 'Admin', summary: 'Report templates', response: z.object({ templates: z.array(reportTemplateView) }) },
  { method: 'post', path: '/admin/report-templates', tag: 'Admin', summary: 'Add a report template', body: reportTemplateInput, response: z.object({ id: z.string() }), status: 201 },
  { method: 'put', path: '/admin/report-templates/:id', tag: 'Admin', summary: 'Change a report template', body: reportTemplateInput, response: z.object({ id: z.string() }) },
  { method: 'delete', path: '/admin/report-templates/:id', tag: 'Admin', summary: 'Remove an unused report template', status: 204 },
  { method: 'post', path: '/admin/report-templates/:id/default', tag: 'Admin', summary: 'Make a report template the default', status: 204 },
  { method: 'get', path: '/admin/message-templates/:channel/:kind/:language', tag: 'Admin', summary: 'A message template (email or sms) in one language: the wording, its placeholders, whether it is edited' },
  { method: 'put', path: '/admin/message-templates/:channel/:kind/:language', tag: 'Admin', summary: 'Reword a message in one language', body: messageTemplateText },
  { method: 'delete', path: '/admin/message-templates/:channel/:kind/:language', tag: 'Admin', summary: 'Back to the built-in wording', status: 204 },
  { method: 'post', path: '/admin/message-templates/:channel/:kind/:language/preview', tag: 'Admin', summary: 'Render a wording with sample values', body: messageTemplateText, response: z.object({ subject: z.string(), text: z.string(), html: z.string() }) },
  { method: 'get', path: '/admin/signing-keys', tag: 'Admin', summary: "Users' own signing keys" },
  { method: 'put', path: '/admin/users/:id/signing-key', tag: 'Admin', summary: "Set a user's own signing key (PEM private and public key)", body: z.object({ privateKey: z.string(), publicKey: z.string() }) },
  { method: 'delete', path: '/admin/users/:id/signing-key', tag: 'Admin', summary: "Retire a user's own signing key", status: 204 },
  { method: 'get', path: '/admin/users', tag: 'Admin', summary: 'Users', response: z.object({ users: z.array(userView) }) },
  { method: 'post', path: '/admin/users', tag: 'Admin', summary: 'Add a user', body: createUserInput, response: userView, status: 201 },
  { method: 'patch', path: '/admin/users/:id', tag: 'Admin', summary: 'Change a user', body: updateUserInput, response: userView },
];

/** The JSON part "process" of the multipart start request. */
export const startProcessPart = startProcessInput;
