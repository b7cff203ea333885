// The XML API: POST /api/xml with StartProcessRequest, StatusRequest or DocumentsRequest, and the schema at
// /api/xml/schema.xsd. Order of checks: body size (before buffering), API on + client address + key, no DTD,
// XSD validation, and only then the domain. Every error is an XML <Error> document.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Element } from '@xmldom/xmldom';
import { DomainError } from '../../domain/errors';
import { formatSize } from '../../domain/format-size';
import { getSettings } from '../../domain/settings/get-settings';
import { authenticateXmlApiKey } from '../../domain/xml-api/authenticate-xml-api-key';
import { getXmlApiFinalDocuments } from '../../domain/xml-api/get-xml-api-final-documents';
import { getXmlApiProcess } from '../../domain/xml-api/get-xml-api-process';
import { startXmlApiProcess } from '../../domain/xml-api/start-xml-api-process';
import { readXmlRequest, XML_NS, xsdText } from '../../xml-api/read-xml-request';
import { renderDocumentsXml, renderErrorXml, renderProcessXml } from '../../xml-api/render-xml';
import { xmlToStartInput } from '../../xml-api/xml-to-start-input';
import type { AppEnv } from '../env';
import { statusOf, toDomainError } from '../error-handler';
import { xmlClientIp } from '../middleware/xml-client-ip';
import { rateLimit } from '../middleware/rate-limit';

const XML_TYPE = 'application/xml; charset=utf-8';

export function apiXmlRoutes(limits: { maxRequestBytes: number }) {
  // Base64 makes files a third larger.
  const maxBytes = Math.ceil(limits.maxRequestBytes * 1.4);
  return new Hono<AppEnv>()
    .onError((err, c) => xmlError(c, err))
    .get('/schema.xsd', (c) => c.body(xsdText, 200, { 'Content-Type': XML_TYPE, 'Cache-Control': 'public, max-age=3600' }))
    .post(
      '/',
      bodyLimit({
        maxSize: maxBytes,
        onError: (c) => xmlError(c as Context<AppEnv>, new DomainError('too_large', `The request is larger than the limit of ${formatSize(maxBytes)}`)),
      }),
      async (c, next) => {
        // The XML API's own idea of the client address (its trusted proxies), for the checks, limits and audit.
        const { xmlApi } = await getSettings(c.var.ctx);
        c.set('ctx', { ...c.var.ctx, ip: xmlClientIp(c, xmlApi.trustedProxies) });
        await next();
      },
      rateLimit({ windowMs: 60_000, max: 600, name: 'xml-api' }),
      async (c) => {
        const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
        const { keyId, actor } = await authenticateXmlApiKey(c.var.ctx, { key: bearer, clientIp: c.var.ctx.ip });
        const ctx = { ...c.var.ctx, actor };
        const doc = await readXmlRequest(new Uint8Array(await c.req.arrayBuffer()));
        const root = doc.documentElement as unknown as Element;
        if (root.namespaceURI !== XML_NS) throw new DomainError('invalid_input', `The root element must be in the namespace ${XML_NS}`);
        switch (root.localName) {
          case 'StartProcessRequest': {
            const view = await startXmlApiProcess(ctx, { keyId, ...xmlToStartInput(root) });
            return c.body(renderProcessXml(view), 201, { 'Content-Type': XML_TYPE });
          }
          case 'StatusRequest':
            return c.body(renderProcessXml(await getXmlApiProcess(ctx, { processId: processIdOf(root) })), 200, { 'Content-Type': XML_TYPE });
          case 'DocumentsRequest': {
            const { process, documents } = await getXmlApiFinalDocuments(ctx, { processId: processIdOf(root) });
            return c.body(renderDocumentsXml(process, documents), 200, { 'Content-Type': XML_TYPE });
          }
          default:
            throw new DomainError('invalid_input', `Unknown request ${root.localName}`);
        }
      },
    );
}

function processIdOf(root: Element): string {
  return root.getElementsByTagNameNS(XML_NS, 'ProcessId')[0]?.textContent?.trim() ?? '';
}

function xmlError(c: Context<AppEnv>, err: unknown) {
  const known = toDomainError(err);
  if (!known) c.var.ctx?.log.error('unhandled error', { path: c.req.path, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  const e = known ?? new DomainError('internal', 'Something went wrong on the server; the error has been logged');
  if (e.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer');
  return c.body(renderErrorXml({ code: e.code, message: e.message, field: e.field }), statusOf[e.code], { 'Content-Type': XML_TYPE });
}
