// The signers: pre-filled from To and CC, editable (add, remove, reorder, name, phone for an SMS PIN).
// The address book feeds the email field's suggestions.
import { IconButton, Label, Stack, Text, TextField, DefaultButton } from '@fluentui/react';
import type { AddressBookEntry } from '@secure-signature/shared';
import { move, newKey, type FormSigner } from '../form/form-state';

type Props = {
  signers: FormSigner[];
  onChange: (signers: FormSigner[]) => void;
  addressBook: AddressBookEntry[];
  ordered: boolean;
  disabled: boolean;
  /** Every signer gets an SMS PIN (admin setting): the phone is required. */
  phoneRequired?: boolean;
  /** The admin shows signers' organisation and position title. */
  withDetails?: boolean;
};

export function SignerList({ signers, onChange, addressBook, ordered, disabled, phoneRequired, withDetails }: Props) {
  const update = (i: number, patch: Partial<FormSigner>) => {
    const next = signers.map((s, j) => (j === i ? { ...s, ...patch } : s));
    // Picking an address from the book fills in the name too.
    if (patch.email !== undefined && !next[i].name) {
      const known = addressBook.find((a) => a.email.toLowerCase() === patch.email!.trim().toLowerCase());
      if (known?.name) next[i] = { ...next[i], name: known.name };
    }
    onChange(next);
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Label>Signers</Label>
      {signers.length === 0 && <Text variant="small">No recipients in the message. Add signers here.</Text>}
      {signers.map((s, i) => (
        <div key={s.key} className="signer" data-testid="signer">
          <div className="signer-head">
            <Text variant="smallPlus" className="signer-number">{ordered ? `${i + 1}.` : '•'}</Text>
            <TextField
              className="grow"
              ariaLabel={`Signer ${i + 1} email`}
              placeholder="Email"
              type="email"
              value={s.email}
              list="address-book"
              disabled={disabled}
              onChange={(_, v) => update(i, { email: v ?? '' })}
            />
            <IconButton iconProps={{ iconName: 'Up' }} title="Move up" ariaLabel={`Move signer ${i + 1} up`} disabled={disabled || i === 0} onClick={() => onChange(move(signers, i, -1))} />
            <IconButton iconProps={{ iconName: 'Down' }} title="Move down" ariaLabel={`Move signer ${i + 1} down`} disabled={disabled || i === signers.length - 1} onClick={() => onChange(move(signers, i, 1))} />
            <IconButton iconProps={{ iconName: 'Delete' }} title="Remove" ariaLabel={`Remove signer ${i + 1}`} disabled={disabled} onClick={() => onChange(signers.filter((_, j) => j !== i))} />
          </div>
          <div className="signer-details">
            <TextField ariaLabel={`Signer ${i + 1} name`} placeholder="Name" value={s.name} disabled={disabled} onChange={(_, v) => update(i, { name: v ?? '' })} />
            {withDetails && (
              <>
                <TextField ariaLabel={`Signer ${i + 1} position title`} placeholder="Position title (optional)" value={s.jobTitle ?? ''} disabled={disabled} onChange={(_, v) => update(i, { jobTitle: v ?? '' })} />
                <TextField ariaLabel={`Signer ${i + 1} organisation`} placeholder="Organisation (optional)" value={s.organization ?? ''} disabled={disabled} onChange={(_, v) => update(i, { organization: v ?? '' })} />
              </>
            )}
            <TextField ariaLabel={`Signer ${i + 1} phone`} placeholder={phoneRequired ? 'Phone for SMS PIN (required)' : 'Phone for SMS PIN (optional)'} required={phoneRequired} type="tel" value={s.phone} disabled={disabled} onChange={(_, v) => update(i, { phone: v ?? '' })} />
          </div>
        </div>
      ))}
      <datalist id="address-book">
        {addressBook.map((a) => (
          <option key={a.email} value={a.email}>{a.name ? `${a.name} (${a.source === 'global' ? 'organisation' : 'recent'})` : undefined}</option>
        ))}
      </datalist>
      <div>
        <DefaultButton iconProps={{ iconName: 'Add' }} text="Add signer" disabled={disabled} onClick={() => onChange([...signers, { key: newKey('signer'), email: '', name: '', phone: '' }])} />
      </div>
    </Stack>
  );
}
