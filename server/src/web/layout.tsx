// The page frame shared by every server-rendered page: header with navigation for signed-in users, the content,
// a footer. Hono's JSX escapes every value, so user text can be passed as it is.
import type { Child } from 'hono/jsx';
import type { UserActor } from '../domain/context';
import { can } from '../domain/user/actor';

export function Layout(props: { title: string; actor?: UserActor; csrfToken?: string; lang?: string; head?: Child; children: Child }) {
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Secure Signature`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/branding/custom.css" />
        {props.head}
      </head>
      <body>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">
              <span aria-hidden="true" class="brand-mark">✒</span> Secure Signature
            </a>
            {props.actor ? (
              <>
                <nav aria-label="Main">
                  {can(props.actor, 'start_processes') ? <a href="/start">New process</a> : null}
                  <a href="/processes">Processes</a>
                  <a href="/account">Account</a>
                  {props.actor.isAdmin ? <a href="/outbox">Outbox</a> : null}
                  {props.actor.isAdmin ? <a href="/admin/settings">Admin</a> : null}
                </nav>
                <div class="who">
                  <span>{props.actor.email}</span>
                  <form method="post" action="/logout">
                    <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
                    <button class="secondary" type="submit">Sign out</button>
                  </form>
                </div>
              </>
            ) : null}
          </div>
        </header>
        <main>{props.children}</main>
        <footer>Secure Signature · self-hosted electronic signatures</footer>
      </body>
    </html>
  );
}

/** A message box: errors are announced at once (role alert), other news politely (role status). */
export function Notice(props: { kind?: 'ok' | 'error' | 'info'; text?: string }) {
  if (!props.text) return null;
  const kind = props.kind ?? 'info';
  return (
    <div class={`notice ${kind === 'info' ? '' : kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.text}
    </div>
  );
}

export const Csrf = (props: { token?: string }) => <input type="hidden" name="_csrf" value={props.token ?? ''} />;

export const formatTime = (d: Date | string | null | undefined) =>
  d ? new Date(d).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
