// The pane's two tabs, New process and My processes, for whichever host it runs in.
import { useEffect, useState } from 'react';
import { Link, MessageBar, MessageBarType, Pivot, PivotItem, Spinner, Stack, Text } from '@fluentui/react';
import type { CurrentUser, StartFormConfig } from '@secure-signature/shared';
import type { Draft, StartHost } from '../host';
import { MyProcesses } from './MyProcesses';
import { StartForm } from './StartForm';

type Loaded = { config: StartFormConfig; user: CurrentUser; draft: Draft };

export function App({ host, config }: { host: StartHost; config: StartFormConfig }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);

  const load = () => {
    setError(undefined);
    Promise.all([host.api.me(), host.readDraft()]).then(
      ([user, draft]) => {
        setLoaded({ config, user, draft });
        setVersion((v) => v + 1);
      },
      (e: Error) => setError(e.message),
    );
  };
  useEffect(load, [host]);

  if (error) {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<Link onClick={load}>Try again</Link>}>
        {error}
      </MessageBar>
    );
  }
  if (!loaded) return <Spinner label={host.kind === 'outlook' ? 'Reading the message…' : 'Loading…'} />;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Pivot aria-label="Secure Signature">
        <PivotItem headerText="New process" itemKey="new">
          <div className="tab">
            <StartForm key={version} host={host} config={loaded.config} user={loaded.user} draft={loaded.draft} onReload={host.kind === 'outlook' ? load : undefined} />
          </div>
        </PivotItem>
        <PivotItem headerText="My processes" itemKey="mine">
          <div className="tab">
            <MyProcesses host={host} />
          </div>
        </PivotItem>
      </Pivot>
      <Text variant="small" className="muted signed-in-as">
        {config.organizationName} · {loaded.user.email}
        {host.signOut && (
          <>
            {' · '}
            <Link onClick={() => void host.signOut!()}>Sign out</Link>
          </>
        )}
      </Text>
    </Stack>
  );
}
