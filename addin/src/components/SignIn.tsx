// Sign-in for the Outlook pane when Entra single sign-on is not available: our web login in an Office dialog,
// or a personal API token pasted once. Either way the token is kept in the mailbox's roaming settings.
import { useState } from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';

type Props = {
  organizationName: string;
  /** Opens the sign-in dialog and resolves with a token. */
  signInWithDialog: () => Promise<string>;
  /** Checks and keeps a token; rejects with the reason it was refused. */
  useToken: (token: string) => Promise<void>;
  reason?: string;
};

export function SignIn({ organizationName, signInWithDialog, useToken, reason }: Props) {
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (get: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      await useToken(await get());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack tokens={{ childrenGap: 14 }} className="sign-in">
      <Text variant="large">Sign in to {organizationName || 'Secure Signature'}</Text>
      {reason && <MessageBar messageBarType={MessageBarType.info}>{reason}</MessageBar>}
      <Text>Sign in once; Outlook remembers it on all your devices.</Text>
      <PrimaryButton text="Sign in" disabled={busy} onClick={() => void run(signInWithDialog)} />
      <Text variant="small" className="muted">Or paste a personal API token (from Account in the web UI):</Text>
      <TextField ariaLabel="Personal API token" type="password" value={pasted} disabled={busy} onChange={(_, v) => setPasted(v ?? '')} />
      <DefaultButton text="Use this token" disabled={busy || !pasted.trim()} onClick={() => void run(async () => pasted.trim())} />
      {error && <MessageBar messageBarType={MessageBarType.error} role="alert">{error}</MessageBar>}
    </Stack>
  );
}
