// The OpenAPI 3.1 description of the REST API (/api/openapi.json), generated from the operation list and the
// shared zod schemas (z.toJSONSchema), so the docs and the validation are the same schemas.
import { errorBody, startProcessInput } from '@secure-signature/shared';
import { z } from 'zod';
import { operations, type Operation } from './operations';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operationObject(op: Operation): Json {
  const params = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (op.query) {
    const shape = schemaOf(op.query, 'input') as { properties?: Record<string, Json> };
    for (const [name, schema] of Object.entries(shape.properties ?? {})) params.push({ name, in: 'query', required: false, schema: schema as never });
  }
  const status = String(op.status ?? 200);
  const success =
    status === '204'
      ? { description: 'Done' }
      : op.response === 'file'
        ? { description: 'The file', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'OK', content: { 'application/json': { schema: op.response ? schemaOf(op.response, 'output') : { type: 'object' } } } };
  return {
    tags: [op.tag],
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/[/:.-](\w)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: requestBody(op.body) } : {}),
    security: op.auth === 'none' ? [] : op.auth === 'basic' ? [{ basic: [] }] : [{ bearer: [] }, { session: [] }],
    responses: {
      [status]: success,
      '400': errorResponse('Invalid input'),
      ...(op.auth === 'none' ? {} : { '401': errorResponse('Not authenticated') }),
      '404': errorResponse('Not found (or not yours)'),
    },
  };
}

function requestBody(body: NonNullable<Operation['body']>): Json {
  if (body === 'multipart-process') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['process', 'documents'],
            properties: {
              process: { $ref: '#/components/schemas/StartProcessInput' },
              documents: { type: 'array', items: { type: 'string', format: 'binary' } },
              attachments: { type: 'array', items: { type: 'string', format: 'binary' } },
            },
          },
          encoding: { process: { contentType: 'application/json' } },
        },
      },
    };
  }
  if ('multipart' in body) {
    const properties = Object.fromEntries(Object.entries(body.multipart).map(([k, v]) => [k, v === 'file' ? { type: 'string', format: 'binary' } : { type: 'string' }]));
    return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties } } } };
  }
  return { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } };
}

export function buildOpenApi(publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const path = '/api/v1' + op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [op.method]: operationObject(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Secure Signature API',
      version: '1',
      description:
        'The REST API of Secure Signature. Authenticate with `Authorization: Bearer <token>` (issue one with POST /api/v1/tokens) or, from this site\'s pages, the session cookie plus `X-CSRF-Token`. Errors are `{ "error": { "code", "message", "field" } }`. The XML API is described by its schema: [/api/xml/schema.xsd](/api/xml/schema.xsd).',
    },
    servers: [{ url: publicUrl }],
    externalDocs: { description: 'XML API schema (XSD)', url: `${publicUrl.replace(/\/$/, '')}/api/xml/schema.xsd` },
    paths,
    components: {
      schemas: { Error: schemaOf(errorBody, 'output'), StartProcessInput: schemaOf(startProcessInput, 'input') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (sst_…) or, from the Outlook add-in, a Microsoft Entra token' },
        basic: { type: 'http', scheme: 'basic' },
        session: { type: 'apiKey', in: 'cookie', name: 'ss_session' },
      },
    },
  };
}
