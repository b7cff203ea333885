// The page shown for an error in the browser: the status and a message that says what to do.
import { Layout } from './layout';

export function renderErrorPage(props: { status: number; message: string }) {
  const title = props.status === 404 ? 'Not found' : props.status >= 500 ? 'Server error' : 'Something is not right';
  return (
    '<!doctype html>' +
    (
      <Layout title={title}>
        <div class="card" role="alert">
          <h1>{title}</h1>
          <p>{props.message}</p>
          <p class="muted">Error {props.status}</p>
        </div>
      </Layout>
    ).toString()
  );
}
