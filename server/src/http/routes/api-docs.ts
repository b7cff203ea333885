// The REST API's description: /api/openapi.json (OpenAPI 3.1) and /api/docs, Swagger UI served from the local
// swagger-ui-dist package (nothing from a CDN: the server works offline), linking the XML API's schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { buildOpenApi } from '../../openapi/build-openapi';
import type { AppEnv } from '../env';

const dist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const files: Record<string, { body: string; type: string }> = {
  'swagger-ui.css': { body: readFileSync(path.join(dist, 'swagger-ui.css'), 'utf8'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { body: readFileSync(path.join(dist, 'swagger-ui-bundle.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
  // Our own initializer as a file, so the page needs no inline script.
  'init.js': {
    body: `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`,
    type: 'text/javascript; charset=utf-8',
  },
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Secure Signature API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<style>body{margin:0;font-family:system-ui,sans-serif} .xml-api{padding:12px 20px;background:#f4f6f8;border-bottom:1px solid #dde}</style>
</head>
<body>
<p class="xml-api">REST API below. The XML API (POST /api/xml) is described by its schema: <a href="/api/xml/schema.xsd">XML schema (XSD)</a> · <a href="/api/openapi.json">openapi.json</a></p>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

export const apiDocsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(buildOpenApi(c.var.ctx.config.publicUrl)))
  .get('/docs', (c) => c.html(page))
  .get('/docs/assets/:file', (c) => {
    const f = files[c.req.param('file')];
    if (!f) return c.notFound();
    return c.body(f.body, 200, { 'Content-Type': f.type, 'Cache-Control': 'public, max-age=3600' });
  });
