// The admin center's own navigation between its pages.
export function AdminNav({ current }: { current: 'settings' | 'users' | 'groups' | 'identity-providers' | 'branding' | 'seal' | 'templates' | 'xml-api' | 'email-api' | 'report-templates' | 'directory' | 'secure-mail' | 'signing-keys' | 'file-rooms' }) {
  const link = (key: typeof current, href: string, label: string) =>
    key === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>;
  return (
    <nav class="actions" aria-label="Admin center" style="margin:-4px 0 16px">
      {link('settings', '/admin/settings', 'Settings')}
      {link('users', '/admin/users', 'Users')}
      {link('groups', '/admin/groups', 'Groups')}
      {link('directory', '/admin/directory', 'Directory sync')}
      {link('identity-providers', '/admin/identity-providers', 'Identity providers')}
      {link('branding', '/admin/branding', 'Branding')}
      {link('seal', '/admin/seal', 'Sealing key')}
      {link('signing-keys', '/admin/signing-keys', 'Signing keys')}
      {link('secure-mail', '/admin/secure-mail', 'Secure mail')}
      {link('templates', '/admin/templates', 'Message templates')}
      {link('xml-api', '/admin/xml-api', 'XML API')}
      {link('email-api', '/admin/email-api', 'Email API')}
      {link('report-templates', '/admin/report-templates', 'Report templates')}
      {link('file-rooms', '/admin/file-rooms', 'File rooms')}
    </nav>
  );
}
