// The /start page of the web UI: the same form, with files from the computer and the user's browser session.
import './fabric-config';
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import { MessageBar, MessageBarType, Spinner } from '@fluentui/react';
import type { StartFormConfig } from '@secure-signature/shared';
import { ApiClient } from './api/api-client';
import { App } from './components/App';
import type { StartHost } from './host';
import { registerPaneIcons } from './icons';
import './styles.css';

function webHost(): StartHost {
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  return {
    kind: 'web',
    api: new ApiClient(location.origin, async () => ({ 'X-CSRF-Token': csrf }), 'web'),
    locale: navigator.language,
    readDraft: async () => ({ title: '', message: '', signers: [], attachments: [] }),
    readAttachment: () => Promise.reject(new Error('The web form has no message attachments')),
    openInBrowser: (url) => location.assign(url),
  };
}

function WebRoot({ host }: { host: StartHost }) {
  const [config, setConfig] = useState<StartFormConfig>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    host.api.config().then(setConfig, (e: Error) => setError(e.message));
  }, [host]);
  if (error) return <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>;
  if (!config) return <Spinner label="Loading…" />;
  return <App host={host} config={config} />;
}

registerPaneIcons();
createRoot(document.getElementById('start-root')!).render(<WebRoot host={webHost()} />);
