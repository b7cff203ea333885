// PDF.js (pdfjs-dist) for the signing page's document viewer: its build, worker and standard fonts, served from
// this server (the page's policy allows scripts from here only). Nothing else of the package is reachable.
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../env';

const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const ALLOWED = /^\/(build\/pdf(\.worker)?\.min\.mjs|standard_fonts\/[\w-]+\.(pfb|ttf)|cmaps\/[\w-]+\.bcmap)$/;

export const pdfjsFiles = new Hono<AppEnv>().use(
  async (c, next) => {
    const rest = c.req.path.replace(/^\/assets\/pdfjs/, '');
    if (!ALLOWED.test(rest)) return c.notFound();
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=604800');
  },
  serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/assets\/pdfjs/, '') }),
);
