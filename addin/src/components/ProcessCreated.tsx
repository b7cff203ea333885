// After sending: the process with its signers, a link to follow it, and the offer to discard the draft.
import { DefaultButton, Link, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import type { ProcessView } from '@secure-signature/shared';
import type { StartHost } from '../host';

export function ProcessCreated({ process, host, onAnother }: { process: ProcessView; host: StartHost; onAnother: () => void }) {
  const url = host.api.processUrl(process.id);
  return (
    <Stack tokens={{ childrenGap: 12 }} data-testid="process-created">
      <MessageBar messageBarType={MessageBarType.success}>The signature process was started and the signers were invited.</MessageBar>
      <Text variant="large" block>{process.title}</Text>
      <ol className="created-signers">
        {process.signers.map((s) => (
          <li key={s.id}>
            <Text>{s.name ? `${s.name} <${s.email}>` : s.email}</Text> <Text variant="small" className="muted">{s.status === 'invited' ? 'invited' : 'waiting for their turn'}</Text>
          </li>
        ))}
      </ol>
      <Text variant="small">{process.documents.filter((d) => d.kind === 'document').length} document(s) to sign</Text>
      <Link href={url} target="_blank" onClick={(e) => { e.preventDefault(); host.openInBrowser(url); }}>Follow the process in Secure Signature</Link>
      {host.closeDraft && (
        <Stack tokens={{ childrenGap: 6 }}>
          <Text variant="small">The message itself need not be sent: the signers already have their invitations.</Text>
          <PrimaryButton text="Close and discard the draft" onClick={() => host.closeDraft!()} />
        </Stack>
      )}
      <DefaultButton text="Start another process" onClick={onAnother} />
    </Stack>
  );
}
