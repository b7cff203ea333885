// The admin center's own navigation between its pages.
export function AdminNav({ current }: { current: 'settings' | 'users' }) {
  const link = (key: typeof current, href: string, label: string) =>
    key === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>;
  return (
    <nav class="actions" aria-label="Admin center" style="margin:-4px 0 16px">
      {link('settings', '/admin/settings', 'Settings')}
      {link('users', '/admin/users', 'Users')}
    </nav>
  );
}
