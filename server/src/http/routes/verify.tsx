// Public verification: the /verify page (upload, or a code from a signatures page) and POST /api/v1/verify.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors';
import { formatSize } from '../../domain/format-size';
import { getVerificationRecord } from '../../domain/verify/get-verification-record';
import { verifyDocument } from '../../domain/verify/verify-document';
import { VerifyPage } from '../../web/verify-page';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { page } from './html';

function limits(maxBytes: number) {
  return [
    rateLimit({ name: 'verify', windowMs: 60_000, max: 30 }),
    bodyLimit({
      maxSize: maxBytes + 64 * 1024,
      onError: () => {
        throw new DomainError('too_large', `The file is larger than the limit of ${formatSize(maxBytes)}`, 'file');
      },
    }),
  ] as const;
}

async function uploadedFile(request: Request): Promise<Uint8Array> {
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!file || typeof file === 'string') throw new DomainError('invalid_input', 'Choose a PDF file to verify', 'file');
  return new Uint8Array(await file.arrayBuffer());
}

export const verifyApi = (maxBytes: number) =>
  new Hono<AppEnv>().post('/', ...limits(maxBytes), async (c) => c.json(await verifyDocument(c.var.ctx, { bytes: await uploadedFile(c.req.raw) })));

export const verifyPages = (maxBytes: number) =>
  new Hono<AppEnv>()
    .get('/', (c) => page(c, <VerifyPage />))
    .post('/', ...limits(maxBytes), async (c) => {
      try {
        const report = await verifyDocument(c.var.ctx, { bytes: await uploadedFile(c.req.raw) });
        return page(c, <VerifyPage report={report} />);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code === 'rate_limited') throw err;
        return page(c, <VerifyPage error={err.message} />, 400);
      }
    })
    .get('/:code', async (c) => {
      const code = c.req.param('code');
      const record = await getVerificationRecord(c.var.ctx, { code });
      return page(c, <VerifyPage record={record} code={record.verificationCode ?? code} />);
    });
