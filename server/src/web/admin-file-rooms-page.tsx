// The admin center's File rooms page: the switch and delivery settings, the rooms (enable/disable), and a form to
// register a room; the room's secret is shown once, right after it was created.
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { FileRoomView } from '../domain/file-room/list-file-rooms';
import { Csrf } from './layout';
import { AdminLayout } from './admin-layout';

export function AdminFileRoomsPage(p: {
  actor: UserActor;
  csrfToken?: string;
  settings: Settings['fileRooms'];
  rooms: FileRoomView[];
  newRoom?: { id: string; name: string; secret: string };
  notice?: string;
  error?: string;
}) {
  const s = p.settings;
  return (
    <AdminLayout title="File rooms" current="file-rooms" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      {p.newRoom ? (
        <div class="card" id="new-room" role="status">
          <h2>File room “{p.newRoom.name}” registered</h2>
          <p>Give the room these values now: the secret is shown only this once.</p>
          <dl>
            <dt>Room id</dt>
            <dd class="mono" data-testid="new-room-id">{p.newRoom.id}</dd>
            <dt>Shared secret</dt>
            <dd class="mono" style="word-break:break-all">
              <strong data-testid="new-room-secret">{p.newRoom.secret}</strong>
            </dd>
          </dl>
        </div>
      ) : null}
      <form method="post" action="/admin/file-rooms/settings" class="card">
        <h2>Settings</h2>
        <Csrf token={p.csrfToken} />
        <p class="muted">
          A file room (a shared folder integration) starts a process with <span class="mono">POST /api/v1/file-rooms/&lt;room id&gt;/processes</span>, signed
          with its secret, and receives the final documents at its callback URL when the process completes. See <span class="mono">docs/file-rooms.md</span>.
        </p>
        <label style="font-weight:600">
          <input type="checkbox" name="enabled" checked={s.enabled} /> File rooms enabled
        </label>
        <label for="callbackAllowList">Internal callbacks allowed</label>
        <textarea id="callbackAllowList" name="callbackAllowList" rows={3} placeholder="files.intranet.example">{s.callbackAllowList.join('\n')}</textarea>
        <p class="muted">One host name, address or CIDR range per line. Callback URLs resolving to loopback, private or link-local addresses are refused unless listed here.</p>
        <label for="maxAttempts">Attempts per delivery</label>
        <input id="maxAttempts" name="maxAttempts" type="number" min={1} max={12} value={String(s.maxAttempts)} />
        <label for="timeoutSeconds">Timeout of one attempt (seconds)</label>
        <input id="timeoutSeconds" name="timeoutSeconds" type="number" min={1} max={120} value={String(s.timeoutSeconds)} />
        <div class="actions">
          <button type="submit">Save</button>
        </div>
      </form>
      <div class="card">
        <h2>Rooms</h2>
        {p.rooms.length === 0 ? (
          <p class="muted">No file rooms yet.</p>
        ) : (
          <table id="file-rooms">
            <thead>
              <tr><th>Name</th><th>Callback URL</th><th class="optional">Sends as</th><th class="optional">Allowed addresses</th><th>Processes</th><th>State</th></tr>
            </thead>
            <tbody>
              {p.rooms.map((r) => (
                <tr data-room={r.name}>
                  <td>{r.name}<br /><span class="mono muted" style="font-size:11px;white-space:nowrap">{r.id}</span></td>
                  <td class="mono" style="word-break:break-all">{r.callbackUrl}</td>
                  <td class="optional">{r.sender}</td>
                  <td class="optional mono">{r.allowedIps.length ? r.allowedIps.join(', ') : 'any'}</td>
                  <td>{r.processes}</td>
                  <td>
                    <form method="post" action={`/admin/file-rooms/${r.id}/${r.enabled ? 'disable' : 'enable'}`} style="margin:0">
                      <Csrf token={p.csrfToken} />
                      {r.enabled ? 'enabled ' : 'disabled '}
                      <button type="submit" class={r.enabled ? 'danger' : ''} aria-label={`${r.enabled ? 'Disable' : 'Enable'} ${r.name}`}>
                        {r.enabled ? 'Disable' : 'Enable'}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form method="post" action="/admin/file-rooms/rooms" class="card">
        <h2>New file room</h2>
        <Csrf token={p.csrfToken} />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" required maxlength={100} placeholder="e.g. HR contracts" />
        <label for="callbackUrl">Callback URL</label>
        <input id="callbackUrl" name="callbackUrl" type="url" required placeholder="https://files.example.com/secure-signature/finals" />
        <p class="muted">The final documents of the room's processes are POSTed here, signed with the room's secret.</p>
        <label for="senderEmail">Send processes in the name of</label>
        <input id="senderEmail" name="senderEmail" type="email" required value={p.actor.email} />
        <p class="muted">The user (email) who appears as sender and gets the sender's emails.</p>
        <label for="roomAllowedIps">Allowed client addresses</label>
        <textarea id="roomAllowedIps" name="allowedIps" rows={2} placeholder="198.51.100.7"></textarea>
        <p class="muted">One address or CIDR range per line. Empty: any address (the signature is still required).</p>
        <div class="actions">
          <button type="submit">Register file room</button>
        </div>
      </form>
    </AdminLayout>
  );
}
