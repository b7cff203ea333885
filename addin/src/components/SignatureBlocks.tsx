// Signature blocks: labelled signatures, each over chosen documents and message fields, by named signers or by any
// member of a group. Without blocks every signer signs everything, so the section is only a button until used.
import { Checkbox, ChoiceGroup, DefaultButton, Dropdown, IconButton, Label, Stack, Text, TextField } from '@fluentui/react';
import type { MessageField } from '@secure-signature/shared';
import { move, newBlock, type FormBlock, type FormFile } from '../form/form-state';

type Props = {
  blocks: FormBlock[];
  onChange: (blocks: FormBlock[]) => void;
  files: FormFile[];
  /** The emails a block may name (the signers', and the sender's when they sign too). */
  signerEmails: string[];
  /** The admin's groups; a block may be signed by any member of one. */
  groups: string[];
  disabled: boolean;
};

const fieldChoices: [MessageField, string][] = [
  ['title', 'Subject (title)'],
  ['message', 'Message'],
];

export function SignatureBlocks({ blocks, onChange, files, signerEmails, groups, disabled }: Props) {
  const documents = files.filter((f) => f.kind === 'document');
  const update = (i: number, patch: Partial<FormBlock>) => onChange(blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  /** Empty means every document: unchecking one lists the rest; checking the last missing one goes back to all. */
  const toggleDocument = (i: number, key: string, on: boolean) => {
    const covered = blocks[i].documentKeys.length ? blocks[i].documentKeys : documents.map((d) => d.key);
    const next = toggle(covered, key, on);
    update(i, { documentKeys: next.length === documents.length ? [] : next });
  };

  return (
    <Stack tokens={{ childrenGap: 8 }} role="group" aria-labelledby="blocks-label" data-testid="signature-blocks">
      <Label id="blocks-label">Signature blocks</Label>
      <Text variant="small">
        {blocks.length
          ? 'Blocks are signed in this order; each label becomes its own sign button.'
          : 'Optional: ask for separate, labelled signatures, e.g. one per party or per document.'}
      </Text>
      {blocks.map((b, i) => {
        const n = i + 1;
        const covered = (key: string) => b.documentKeys.length === 0 || b.documentKeys.includes(key);
        // The only document still covered cannot be unchecked: a block signs at least one.
        const onlyOne = documents.filter((d) => covered(d.key)).length === 1;
        return (
          <div key={b.key} className="signer" data-testid="signature-block">
            <div className="signer-head">
              <Text variant="smallPlus" className="signer-number">{`${n}.`}</Text>
              <TextField
                className="grow"
                ariaLabel={`Block ${n} label`}
                placeholder="Label, e.g. Landlord (required)"
                aria-required
                value={b.label}
                disabled={disabled}
                onChange={(_, v) => update(i, { label: v ?? '' })}
              />
              <IconButton iconProps={{ iconName: 'Up' }} title="Move up" ariaLabel={`Move block ${n} up`} disabled={disabled || i === 0} onClick={() => onChange(move(blocks, i, -1))} />
              <IconButton iconProps={{ iconName: 'Down' }} title="Move down" ariaLabel={`Move block ${n} down`} disabled={disabled || i === blocks.length - 1} onClick={() => onChange(move(blocks, i, 1))} />
              <IconButton iconProps={{ iconName: 'Delete' }} title="Remove" ariaLabel={`Remove block ${n}`} disabled={disabled} onClick={() => onChange(blocks.filter((_, j) => j !== i))} />
            </div>
            <Stack tokens={{ childrenGap: 6 }} styles={{ root: { paddingLeft: '1.6em' } }}>
              <div role="group" aria-label={`Block ${n}: documents to sign`}>
                <Label>Documents to sign</Label>
                {documents.length === 0 && <Text variant="small">Add a PDF document to sign first.</Text>}
                <Stack tokens={{ childrenGap: 4 }}>
                  {documents.map((d) => (
                    <Checkbox
                      key={d.key}
                      label={d.name}
                      ariaLabel={`Block ${n} signs ${d.name}`}
                      checked={covered(d.key)}
                      disabled={disabled || (onlyOne && covered(d.key))}
                      onChange={(_, on) => toggleDocument(i, d.key, !!on)}
                    />
                  ))}
                </Stack>
              </div>
              <div role="group" aria-label={`Block ${n}: message fields it approves`}>
                <Label>Also approves</Label>
                <Stack horizontal tokens={{ childrenGap: 12 }}>
                  {fieldChoices.map(([field, text]) => (
                    <Checkbox
                      key={field}
                      label={text}
                      ariaLabel={`Block ${n} approves the ${text.toLowerCase()}`}
                      checked={b.fields.includes(field)}
                      disabled={disabled}
                      onChange={(_, on) => update(i, { fields: toggle(b.fields, field, !!on) })}
                    />
                  ))}
                </Stack>
              </div>
              {groups.length > 0 && (
                <ChoiceGroup
                  label="Who signs"
                  selectedKey={b.group !== undefined ? 'group' : 'named'}
                  disabled={disabled}
                  options={[
                    { key: 'named', text: 'Named signers' },
                    { key: 'group', text: 'Any member of a group' },
                  ]}
                  // Choosing a group starts with the first one; going back to named signers forgets it.
                  onChange={(_, o) => o && update(i, { group: o.key === 'group' ? (b.group ?? groups[0]) : undefined })}
                />
              )}
              {b.group !== undefined ? (
                <Dropdown
                  label="Group"
                  ariaLabel={`Block ${n} group`}
                  selectedKey={b.group}
                  disabled={disabled}
                  options={groups.map((g) => ({ key: g, text: g }))}
                  onChange={(_, o) => o && update(i, { group: String(o.key) })}
                />
              ) : (
                <div role="group" aria-label={`Block ${n}: signers`}>
                  <Label>{groups.length > 0 ? 'Any of these signers' : 'Who signs (any of these signers)'}</Label>
                  {signerEmails.length === 0 && <Text variant="small">Add signers above first.</Text>}
                  <Stack tokens={{ childrenGap: 4 }}>
                    {signerEmails.map((email) => (
                      <Checkbox
                        key={email}
                        label={email}
                        ariaLabel={`Block ${n} signed by ${email}`}
                        checked={b.signerEmails.some((e) => e.toLowerCase() === email.toLowerCase())}
                        disabled={disabled}
                        onChange={(_, on) => update(i, { signerEmails: on ? [...b.signerEmails, email] : b.signerEmails.filter((e) => e.toLowerCase() !== email.toLowerCase()) })}
                      />
                    ))}
                  </Stack>
                </div>
              )}
            </Stack>
          </div>
        );
      })}
      <div>
        <DefaultButton iconProps={{ iconName: 'Add' }} text="Add block" disabled={disabled || blocks.length >= 20} onClick={() => onChange([...blocks, newBlock()])} />
      </div>
    </Stack>
  );
}
