// The admin center's settings page: every setting of the schema, grouped in sections, with its current value.
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import { Csrf } from './layout';
import { settingSections, settingValue, type SettingField } from './settings-form';
import { AdminLayout } from './admin-layout';

export function AdminSettingsPage(p: { actor: UserActor; csrfToken?: string; settings: Settings; notice?: string; error?: string }) {
  return (
    <AdminLayout title="Settings" current="settings" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <form method="post" action="/admin/settings">
        <Csrf token={p.csrfToken} />
        {settingSections().map((section) => (
          <fieldset class="card" style="border:1px solid var(--line)">
            <legend>
              <h2 style="margin:0">{section.title}</h2>
            </legend>
            {section.fields.map((f) => (
              <Field field={f} value={settingValue(p.settings, f.name)} />
            ))}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
    </AdminLayout>
  );
}

/** One setting's input, as on the settings page; other admin pages that edit a section use it too. */
export function Field({ field, value }: { field: SettingField; value: unknown }) {
  const id = field.name.replace('.', '-');
  const help = field.description ? <div class="muted" id={`${id}-help`}>{field.description}</div> : null;
  const described = field.description ? `${id}-help` : undefined;
  switch (field.kind) {
    case 'checkbox':
      return (
        <div style="margin:10px 0">
          <label style="font-weight:600">
            <input type="checkbox" name={field.name} id={id} checked={value === true} aria-describedby={described} /> {field.title}
          </label>
          {help}
        </div>
      );
    case 'choice':
      return (
        <div>
          <label for={id}>{field.title}</label>
          <select id={id} name={field.name} aria-describedby={described}>
            {field.choices!.map((c) => (
              <option value={c} selected={c === value}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    case 'lines':
      return (
        <div>
          <label for={id}>{field.title}</label>
          <textarea id={id} name={field.name} rows={3} aria-describedby={described}>
            {Array.isArray(value) ? value.join('\n') : ''}
          </textarea>
          {help}
        </div>
      );
    case 'secret':
      // The value is the mask when a secret is stored: sent back unchanged, the secret is kept.
      return (
        <div>
          <label for={id}>{field.title}</label>
          <input id={id} name={field.name} type="password" autocomplete="off" value={String(value ?? '')} aria-describedby={described} />
          {help}
        </div>
      );
    default:
      return (
        <div>
          <label for={id}>{field.title}</label>
          <input id={id} name={field.name} type={field.kind === 'number' ? 'number' : 'text'} value={String(value ?? '')} aria-describedby={described} />
          {help}
        </div>
      );
  }
}
