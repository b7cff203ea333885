// Every admin center page: the layout, its heading, the admin navigation and the page's notices.
import type { Child } from 'hono/jsx';
import type { UserActor } from '../domain/context';
import { AdminNav } from './admin-nav';
import { Layout, Notice } from './layout';

export function AdminLayout(p: {
  title: string;
  current: Parameters<typeof AdminNav>[0]['current'];
  actor: UserActor;
  csrfToken?: string;
  notice?: string;
  error?: string;
  children: Child;
}) {
  return (
    <Layout title={p.title} actor={p.actor} csrfToken={p.csrfToken}>
      <h1>{p.title}</h1>
      <AdminNav current={p.current} />
      <Notice kind="ok" text={p.notice} />
      <Notice kind="error" text={p.error} />
      {p.children}
    </Layout>
  );
}
