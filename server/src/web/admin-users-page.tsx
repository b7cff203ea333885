// The admin center's users: the list with a form to add an account, and one account's editor.
import { defaultPrivileges, type GroupView, type UserView } from '@secure-signature/shared';
import { GroupSelect, PrivilegeFields } from './privilege-fields';
import { SignInFields } from './sign-in-fields';
import type { UserActor } from '../domain/context';
import { Csrf, Layout, Notice, formatTime } from './layout';
import { AdminLayout } from './admin-layout';

const state = (u: UserView) => (u.locked ? 'locked' : u.lockedOutUntil ? `locked out until ${formatTime(u.lockedOutUntil)}` : 'active');

export function AdminUsersPage(p: { actor: UserActor; csrfToken?: string; users: UserView[]; groups: GroupView[]; notice?: string; error?: string }) {
  return (
    <AdminLayout title="Users" current="users" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <table>
          <thead>
            <tr><th>Email</th><th class="optional">Name</th><th>Role</th><th>State</th></tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`}>{u.email}</a>
                  {u.username ? <div class="muted">{u.username}</div> : null}
                </td>
                <td class="optional">{u.name ?? ''}</td>
                <td>{u.isAdmin ? <span class="badge">admin</span> : 'user'}</td>
                <td>
                  <span class={`badge ${u.locked || u.lockedOutUntil ? 'rejected' : 'completed'}`}>{state(u)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/admin/users" class="card">
        <h2>Add a user</h2>
        <Csrf token={p.csrfToken} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required />
        <label for="username">Username (optional)</label>
        <input id="username" name="username" type="text" />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required />
        <GroupSelect groups={p.groups} selected={null} />
        <PrivilegeFields checked={defaultPrivileges} legend="The user may" />
        <label style="font-weight:600">
          <input type="checkbox" name="isAdmin" /> Administrator
        </label>
        <div class="actions">
          <button type="submit">Add user</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export function AdminUserPage(p: { actor: UserActor; csrfToken?: string; user: UserView; groups: GroupView[]; notice?: string; error?: string }) {
  const u = p.user;
  return (
    <Layout title={u.email} actor={p.actor} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/users">← Users</a>
      </p>
      <h1>{u.email}</h1>
      <Notice kind="ok" text={p.notice} />
      <Notice kind="error" text={p.error} />
      <form method="post" action={`/admin/users/${u.id}`} class="card">
        <Csrf token={p.csrfToken} />
        <p class="muted">
          Created {formatTime(u.createdAt)} · <span class={`badge ${u.locked || u.lockedOutUntil ? 'rejected' : 'completed'}`}>{state(u)}</span>
        </p>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required maxlength={254} value={u.email} autocomplete="off" />
        <label for="name">Name (clarification of signature)</label>
        <input id="name" name="name" type="text" value={u.name ?? ''} aria-describedby="name-help" />
        <p class="muted" id="name-help">
          Printed under this user's signatures and shown to signers as the sender.
        </p>
        <GroupSelect groups={p.groups} selected={u.groupId} />
        <SignInFields user={u} />
        <PrivilegeFields checked={u.privileges} legend="The user may (their group's privileges come on top)" />
        <div style="margin-top:12px">
          <label style="font-weight:600">
            <input type="checkbox" name="isAdmin" checked={u.isAdmin} /> Administrator
          </label>
          <label style="font-weight:600">
            <input type="checkbox" name="locked" checked={u.locked} /> Locked (cannot sign in; sessions and API tokens stop working). Clear to unlock, also after wrong passwords or codes.
          </label>
        </div>
        <label for="password">New password (leave empty to keep)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" />
        <div class="actions">
          <button type="submit">Save</button>
        </div>
      </form>
    </Layout>
  );
}
