// The Outlook pane's sign-in state: Entra single sign-on when the admin set it up and Outlook supports it,
// else the API token kept in roaming settings, else the sign-in screen.
import { useEffect, useMemo, useRef, useState } from 'react';
import { MessageBar, MessageBarType, Spinner } from '@fluentui/react';
import type { StartFormConfig } from '@secure-signature/shared';
import { ApiClient, ApiError } from '../api/api-client';
import { entraTokenSource } from '../auth/entra-token';
import type { OfficeParts } from '../office/office-context';
import { outlookHost } from '../office/outlook-host';
import { readSetting, writeSetting } from '../office/roaming-settings';
import { signInThroughDialog } from '../office/sign-in-dialog';
import { App } from './App';
import { SignIn } from './SignIn';

const TOKEN_SETTING = 'secureSignatureToken';

type Phase = { name: 'loading' } | { name: 'error'; message: string } | { name: 'sign-in'; config: StartFormConfig; reason?: string } | { name: 'ready'; config: StartFormConfig };

export function OutlookRoot({ parts, baseUrl }: { parts: OfficeParts; baseUrl: string }) {
  const token = useRef<string | undefined>(readSetting(parts.roamingSettings, TOKEN_SETTING));
  const entra = useRef<(() => Promise<string>) | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const api = useMemo(
    () =>
      new ApiClient(
        baseUrl,
        async () => {
          const bearer = entra.current ? await entra.current() : token.current;
          return bearer ? { Authorization: `Bearer ${bearer}` } : ({} as Record<string, string>);
        },
        'outlook',
      ),
    [baseUrl],
  );

  const signOut = async () => {
    token.current = undefined;
    entra.current = undefined;
    await writeSetting(parts.roamingSettings, TOKEN_SETTING, undefined);
    setPhase((p) => ('config' in p ? { name: 'sign-in', config: p.config } : p));
  };
  const host = useMemo(() => outlookHost(parts, api, signOut), [api]);

  useEffect(() => {
    (async () => {
      const config = await api.config();
      let reason: string | undefined;
      if (config.entra && parts.nestedAppAuth) {
        try {
          entra.current = await entraTokenSource(config.entra);
          await api.me();
          return setPhase({ name: 'ready', config });
        } catch (err) {
          entra.current = undefined;
          reason = `Microsoft sign-in did not work here (${err instanceof Error ? err.message : err}). Sign in with your Secure Signature account.`;
        }
      }
      if (token.current) {
        try {
          await api.me();
          return setPhase({ name: 'ready', config });
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 401)) throw err;
          token.current = undefined;
          await writeSetting(parts.roamingSettings, TOKEN_SETTING, undefined);
          reason = 'Your sign-in has ended or was revoked. Sign in again.';
        }
      }
      setPhase({ name: 'sign-in', config, reason });
    })().catch((err: Error) => setPhase({ name: 'error', message: err.message }));
  }, [api]);

  if (phase.name === 'loading') return <Spinner label="Starting…" />;
  if (phase.name === 'error') return <MessageBar messageBarType={MessageBarType.error}>{phase.message}</MessageBar>;
  if (phase.name === 'sign-in') {
    return (
      <SignIn
        organizationName={phase.config.organizationName}
        reason={phase.reason}
        signInWithDialog={() => signInThroughDialog(parts.ui, `${baseUrl}/addin/connect`)}
        useToken={async (t) => {
          token.current = t;
          try {
            await api.me();
          } catch (err) {
            token.current = undefined;
            throw err;
          }
          await writeSetting(parts.roamingSettings, TOKEN_SETTING, t);
          setPhase({ name: 'ready', config: phase.config });
        }}
      />
    );
  }
  return <App host={host} config={phase.config} />;
}
