// The admin center's own navigation between its pages.
export function AdminNav({ current }: { current: 'settings' | 'users' | 'groups' | 'identity-providers' | 'branding' | 'seal' }) {
  const link = (key: typeof current, href: string, label: string) =>
    key === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>;
  return (
    <nav class="actions" aria-label="Admin center" style="margin:-4px 0 16px">
      {link('settings', '/admin/settings', 'Settings')}
      {link('users', '/admin/users', 'Users')}
      {link('groups', '/admin/groups', 'Groups')}
      {link('identity-providers', '/admin/identity-providers', 'Identity providers')}
      {link('branding', '/admin/branding', 'Branding')}
      {link('seal', '/admin/seal', 'Sealing key')}
    </nav>
  );
}
