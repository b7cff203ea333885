// The admin center's groups: each with its privileges (members get them on top of their own) and member count.
import type { GroupView } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import { Csrf } from './layout';
import { PrivilegeFields, privilegeLabels } from './privilege-fields';
import { ReportTemplateFields } from './report-template-fields';
import { AdminLayout } from './admin-layout';

export function AdminGroupsPage(p: { actor: UserActor; csrfToken?: string; groups: GroupView[]; reportTemplates: { id: string; name: string }[]; editing?: GroupView; notice?: string; error?: string }) {
  const e = p.editing;
  return (
    <AdminLayout title="Groups" current="groups" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        {p.groups.length === 0 ? (
          <p class="muted">No groups yet. A user belongs to one group at most and gets its privileges on top of their own.</p>
        ) : (
          <table>
            <thead>
              <tr><th>Group</th><th>Privileges</th><th>Members</th></tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr>
                  <td><a href={`/admin/groups/${g.id}`}>{g.name}</a></td>
                  <td>{g.privileges.map((x) => privilegeLabels[x]).join(', ') || '—'}</td>
                  <td>{g.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form method="post" action={e ? `/admin/groups/${e.id}` : '/admin/groups'} class="card">
        <h2>{e ? `Change ${e.name}` : 'Add a group'}</h2>
        <Csrf token={p.csrfToken} />
        <label for="group-name">Name</label>
        <input id="group-name" name="name" type="text" required value={e?.name ?? ''} />
        <PrivilegeFields checked={e?.privileges ?? []} legend="Members may" />
        <ReportTemplateFields templates={p.reportTemplates} checked={e?.reportTemplateIds ?? []} />
        <div class="actions">
          <button type="submit">{e ? 'Save' : 'Add group'}</button>
        </div>
      </form>
      {e ? (
        <form method="post" action={`/admin/groups/${e.id}/delete`} class="card">
          <Csrf token={p.csrfToken} />
          <p>Removing the group leaves its {e.members} member(s) without a group; their own privileges stay.</p>
          <button type="submit" class="danger">Remove {e.name}</button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
