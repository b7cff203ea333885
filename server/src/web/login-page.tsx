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
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <div class="actions">
            <button type="submit">Sign in</button>
            {props.resetAllowed ? <a href="/password-reset">Forgot your password?</a> : null}
          </div>
        </form>
      </div>
    </Layout>
  );
}
