// The options the admin lets senders choose.
import { Checkbox, ChoiceGroup, Label, Stack, Text } from '@fluentui/react';
import type { SignatureMethod, StartFormConfig } from '@secure-signature/shared';
import { languages, type FormOptions, type Language } from '../form/form-state';

type Props = {
  options: FormOptions;
  onChange: (o: FormOptions) => void;
  allowed: StartFormConfig['options'];
  disabled: boolean;
  /** The process has signature blocks, which cannot be forwarded (the server refuses both together). */
  forwardingOff?: boolean;
};

export function OptionsSection({ options, onChange, allowed, disabled, forwardingOff }: Props) {
  const set = (patch: Partial<FormOptions>) => onChange({ ...options, ...patch });
  const toggleMethod = (method: SignatureMethod, on: boolean) =>
    set({ signatureMethods: allowed.signatureMethods.map((m) => m.id).filter((m) => (m === method ? on : options.signatureMethods.includes(m))) });
  return (
    <Stack tokens={{ childrenGap: 10 }}>
      {allowed.chooseMethods && allowed.signatureMethods.length > 1 && (
        <div role="group" aria-labelledby="methods-label">
          <Label id="methods-label">Signers may sign</Label>
          <Stack tokens={{ childrenGap: 6 }}>
            {allowed.signatureMethods.map((m) => (
              <Checkbox key={m.id} label={m.label} checked={options.signatureMethods.includes(m.id)} disabled={disabled} onChange={(_, v) => toggleMethod(m.id, !!v)} />
            ))}
          </Stack>
        </div>
      )}
      {allowed.allowSigningOrder && (
        <Checkbox label="Sign in this order (each signer is invited after the previous one signs)" checked={options.signingOrder} disabled={disabled} onChange={(_, v) => set({ signingOrder: !!v })} />
      )}
      {allowed.allowSenderSigns && <Checkbox label="I sign too" checked={options.senderSigns} disabled={disabled} onChange={(_, v) => set({ senderSigns: !!v })} />}
      {allowed.allowForceDownload && (
        <Checkbox label="Signers must download the documents before signing" checked={options.forceDownload} disabled={disabled} onChange={(_, v) => set({ forceDownload: !!v })} />
      )}
      {allowed.allowForwarding && (
        <>
          <Checkbox label="Signers may sign and invite someone else to sign too" checked={options.allowSignAndForward} disabled={disabled || forwardingOff} onChange={(_, v) => set({ allowSignAndForward: !!v })} />
          <Checkbox label="Signers may forward the request to someone else without signing" checked={options.allowForward} disabled={disabled || forwardingOff} onChange={(_, v) => set({ allowForward: !!v })} />
          {forwardingOff && <Text variant="small">Signature blocks cannot be forwarded: forwarding is off while the process has blocks.</Text>}
        </>
      )}
      {allowed.allowSmsNotifications && (
        <Checkbox label="Send invitations and reminders by SMS too (signers with a phone number)" checked={options.smsNotifications} disabled={disabled} onChange={(_, v) => set({ smsNotifications: !!v })} />
      )}
      {allowed.attachments === 'shown' && (
        <Checkbox label="Signers see the attachments" checked={options.attachmentsVisible} disabled={disabled} onChange={(_, v) => set({ attachmentsVisible: !!v })} />
      )}
      {allowed.allowSignaturePageChoice && (
        <ChoiceGroup
          label="Signatures page"
          selectedKey={options.signaturePagePosition}
          disabled={disabled}
          options={[
            { key: 'last', text: 'After the documents' },
            { key: 'first', text: 'Before the documents' },
          ]}
          onChange={(_, o) => o && set({ signaturePagePosition: o.key as FormOptions['signaturePagePosition'] })}
        />
      )}
      {allowed.reminders.sendersOverride && (
        <div>
          <Label htmlFor="remind-after">Remind signers who have not signed after (days; 0: never)</Label>
          <input
            id="remind-after"
            className="native-select"
            type="number"
            min={0}
            max={365}
            value={options.remindAfterDays}
            disabled={disabled}
            onChange={(e) => set({ remindAfterDays: Math.max(0, Math.min(365, Number(e.target.value) || 0)) })}
          />
        </div>
      )}
      {/* A native select: Fluent's Dropdown would bring its callout and panel code for five choices. */}
      <div>
        <Label htmlFor="invitation-language">Invitation language</Label>
        <select id="invitation-language" className="native-select" value={options.language} disabled={disabled} onChange={(e) => set({ language: e.target.value as Language })}>
          {languages.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </Stack>
  );
}
