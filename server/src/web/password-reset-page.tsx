// Password reset for users who forgot theirs: order a link by email, then choose a new password from the link.
import { Layout, Notice } from './layout';

export function RequestResetPage(p: { sent?: boolean; error?: string }) {
  return (
    <Layout title="Forgot your password?">
      <div class="card" style="max-width:460px;margin:40px auto">
        <h1>Forgot your password?</h1>
        <Notice kind="ok" text={p.sent ? 'If an account with that name or email exists, a reset link is on its way to its email. It works once, within an hour.' : undefined} />
        <Notice kind="error" text={p.error} />
        <form method="post" action="/password-reset">
          <label for="login">Username or email</label>
          <input id="login" name="login" type="text" autocomplete="username" required />
          <div class="actions">
            <button type="submit">Send me a reset link</button>
            <a href="/login">Back to sign in</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function NewPasswordPage(p: { token: string; error?: string }) {
  return (
    <Layout title="Choose a new password">
      <div class="card" style="max-width:460px;margin:40px auto">
        <h1>Choose a new password</h1>
        <Notice kind="error" text={p.error} />
        <form method="post" action={`/password-reset/${p.token}`}>
          <label for="password">New password</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required />
          <label for="again">The same again</label>
          <input id="again" name="again" type="password" autocomplete="new-password" required />
          <div class="actions">
            <button type="submit">Set the new password</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
