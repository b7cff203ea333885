// The admin center's branding: the logo in the header of every page (signers' pages too) and custom CSS.
import type { UserActor } from '../domain/context';
import { Csrf } from './layout';
import { AdminLayout } from './admin-layout';

export function AdminBrandingPage(p: { actor: UserActor; csrfToken?: string; hasLogo: boolean; customCss: string; notice?: string; error?: string }) {
  return (
    <AdminLayout title="Branding" current="branding" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <form method="post" action="/admin/branding" enctype="multipart/form-data">
          <Csrf token={p.csrfToken} />
          <label for="logo">Logo (PNG or JPEG, at most 200 KB; shown about 120 × 32 px in the header)</label>
          <input id="logo" name="logo" type="file" accept="image/png,image/jpeg" />
          {p.hasLogo ? (
            <label style="margin-top:8px">
              <input type="checkbox" name="removeLogo" /> Remove the current logo
            </label>
          ) : null}
          <label for="customCss">Custom CSS (added after ours on every page; e.g. <code>:root {'{'} --brand: #7a1f5c; {'}'}</code>)</label>
          <textarea id="customCss" name="customCss" rows={10} class="mono">
            {p.customCss}
          </textarea>
          <div class="actions">
            <button type="submit">Save branding</button>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}
