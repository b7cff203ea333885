import { Layout, Notice } from './layout';

export function LoginPage(props: { next?: string; error?: string; login?: string; notice?: string; resetAllowed?: boolean }) {
  return (
    <Layout title="Sign in">
      <div class="card" style="max-width:460px;margin:40px auto">
        <h1>Sign in</h1>
        <Notice kind="ok" text={props.notice} />
        <Notice kind="error" text={props.error} />
        <form method="post" action="/login">
          <input type="hidden" name="next" value={props.next ?? ''} />
          <label for="login">Username or email</label>
          <input id="login" name="login" type="text" autocomplete="username" required value={props.login ?? ''} />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" />
          <p class="muted">Leave it empty if you sign in with a code by SMS, or from your organisation's network without a password.</p>
          <div class="actions">
            <button type="submit">Sign in</button>
            {props.resetAllowed ? <a href="/password-reset">Forgot your password?</a> : null}
          </div>
        </form>
      </div>
    </Layout>
  );
}

/** The second step for accounts that sign in with a one-time code by SMS. */
export function LoginPinPage(props: { next?: string; login: string; sentTo?: string; error?: string }) {
  return (
    <Layout title="Sign in">
      <div class="card" style="max-width:460px;margin:40px auto">
        <h1>Sign in</h1>
        <Notice kind="ok" text={props.sentTo ? `We sent a code by SMS to your phone (${props.sentTo}). It is valid for 10 minutes.` : undefined} />
        <Notice kind="error" text={props.error} />
        <form method="post" action="/login">
          <input type="hidden" name="next" value={props.next ?? ''} />
          <input type="hidden" name="login" value={props.login} />
          <label for="pin">Code</label>
          <input id="pin" name="pin" type="text" inputmode="numeric" autocomplete="one-time-code" required />
          <div class="actions">
            <button type="submit">Sign in</button>
            <a href="/login">Start again</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
