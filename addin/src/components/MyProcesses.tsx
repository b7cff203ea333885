// The user's recent processes with their live status: refreshed while the tab is shown.
import { useEffect, useState } from 'react';
import { DefaultButton, Link, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import type { ProcessSummary } from '@secure-signature/shared';
import type { StartHost } from '../host';

const REFRESH_MS = 15_000;
const statusText: Record<ProcessSummary['status'], string> = {
  pending: 'Waiting for signatures',
  completed: 'Completed',
  rejected: 'Rejected',
  aborted: 'Aborted',
  expired: 'Expired',
};

export function MyProcesses({ host }: { host: StartHost }) {
  const [processes, setProcesses] = useState<ProcessSummary[] | undefined>();
  const [error, setError] = useState<string>();
  const load = () =>
    host.api.myProcesses().then(
      (r) => {
        setProcesses(r.processes);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (error) return <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>;
  if (!processes) return <Spinner label="Loading your processes…" />;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {processes.length === 0 && <Text>You have not started any processes yet.</Text>}
      <ul className="my-processes">
        {processes.map((p) => (
          <li key={p.id} data-testid="my-process">
            <Link onClick={() => host.openInBrowser(host.api.processUrl(p.id))}>{p.title}</Link>
            <Text variant="small" block className={`status status-${p.status}`}>
              {statusText[p.status]} · {p.blockCount ? `${p.signedCount}/${p.blockCount} blocks` : `${p.signedCount}/${p.signerCount}`} signed · {new Date(p.createdAt).toLocaleDateString()}
            </Text>
          </li>
        ))}
      </ul>
      <DefaultButton iconProps={{ iconName: 'Refresh' }} text="Refresh" onClick={() => void load()} />
    </Stack>
  );
}
