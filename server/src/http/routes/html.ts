// Renders a JSX page as a full HTML document.
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const page = (c: Context, element: JSX.Element, status: ContentfulStatusCode = 200) =>
  c.html('<!doctype html>' + element.toString(), status);
