// The page in the Outlook sign-in dialog: asks to connect Outlook, then hands the new token to the pane.
import type { UserActor } from '../domain/context';
import { Csrf } from './layout';

export function AddinConnectPage(props: { actor: UserActor; csrfToken?: string; token?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Connect Outlook · Secure Signature</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {props.token ? <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script> : null}
        {props.token ? <script type="module" src="/addin/assets/connect.js"></script> : null}
      </head>
      <body>
        <main>
          <h1>Connect Outlook</h1>
          {props.token ? (
            <>
              <p id="connect-token" data-token={props.token} role="status">
                Outlook is connected as {props.actor.email}. This window closes by itself; if it does not, close it.
              </p>
            </>
          ) : (
            <form method="post" action="/addin/connect">
              <Csrf token={props.csrfToken} />
              <p>
                Let the Secure Signature add-in in Outlook start signature processes as <strong>{props.actor.email}</strong>? Outlook keeps a
                personal API token for this; you can revoke it on your Account page.
              </p>
              <button type="submit">Connect Outlook</button>
            </form>
          )}
        </main>
      </body>
    </html>
  );
}
