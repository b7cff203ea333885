// The start form: title, message, signers, documents and options, and Send for signature, which reads each file
// (Outlook attachments one at a time, with retry), then uploads them with progress and shows the created process.
import { useEffect, useRef, useState } from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Separator, Stack, TextField } from '@fluentui/react';
import type { AddressBookEntry, CurrentUser, ProcessView, StartFormConfig } from '@secure-signature/shared';
import type { Draft, StartHost } from '../host';
import { blockSignerChoices, defaultOptions, fileFromAttachment, formProblems, pruneBlocks, singleSignerWarning, processInput, progressPerFile, signersFromDraft, type FormBlock, type FormFile, type FormOptions, type FormSigner } from '../form/form-state';
import { FileList } from './FileList';
import { OptionsSection } from './OptionsSection';
import { ReportTemplatePicker } from './ReportTemplatePicker';
import { SignatureBlocks } from './SignatureBlocks';
import { ProcessCreated } from './ProcessCreated';
import { SignerList } from './SignerList';

type Props = { host: StartHost; config: StartFormConfig; user: CurrentUser; draft: Draft; onReload?: () => void };

export function StartForm({ host, config, user, draft, onReload }: Props) {
  const [title, setTitle] = useState(draft.title);
  const [message, setMessage] = useState(draft.message);
  const [signers, setSigners] = useState<FormSigner[]>(() => signersFromDraft(draft));
  const [files, setFiles] = useState<FormFile[]>(() => draft.attachments.map(fileFromAttachment));
  const [options, setOptions] = useState<FormOptions>(() => defaultOptions(config, host.locale));
  const [blocks, setBlocks] = useState<FormBlock[]>([]);
  const [addressBook, setAddressBook] = useState<AddressBookEntry[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  useEffect(() => {
    host.api.blockGroups().then((r) => setGroups(r.groups), () => setGroups([]));
  }, [host]);
  const [reportTemplateId, setReportTemplateId] = useState<string>();
  const [sending, setSending] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<ProcessView>();
  // Bytes already read survive a failed send, so "Try again" continues where it stopped.
  const bytes = useRef(new Map<string, Uint8Array>());

  const blockSigners = blockSignerChoices(signers, { email: user.email, senderSigns: options.senderSigns });
  // A signer or document that leaves the form leaves the blocks too.
  const blockSignersKey = blockSigners.join('\n');
  useEffect(() => {
    setBlocks((list) => pruneBlocks(list, blockSignersKey ? blockSignersKey.split('\n') : [], files));
  }, [blockSignersKey, files]);
  // Blocks cannot be forwarded: adding one turns forwarding off.
  const changeBlocks = (next: FormBlock[]) => {
    setBlocks(next);
    if (next.length) setOptions((o) => ({ ...o, allowForward: false, allowSignAndForward: false }));
  };

  useEffect(() => {
    host.api.addressBook().then((r) => setAddressBook(r.entries), () => setAddressBook([]));
  }, [host]);

  const patch = (key: string, change: Partial<FormFile>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const singleSigner = singleSignerWarning({ signers, senderSigns: options.senderSigns, warn: config.options.warnSingleSigner });
  const problems = formProblems({ title, signers, files, senderSigns: options.senderSigns, maxUploadBytes: config.maxUploadBytes, requirePhone: config.options.requirePhone, attachments: config.options.attachments, signatureMethods: options.signatureMethods, blocks, senderEmail: user.email });

  async function readFiles(list: FormFile[]): Promise<boolean> {
    for (const f of list) {
      if (bytes.current.has(f.key)) continue;
      patch(f.key, { state: 'reading', detail: undefined });
      try {
        const content =
          'attachment' in f.source
            ? await host.readAttachment(f.source.attachment, (attempt) => patch(f.key, { state: 'retrying', detail: `Try ${attempt + 1}` }))
            : new Uint8Array(await f.source.file.arrayBuffer());
        bytes.current.set(f.key, content);
        patch(f.key, { state: 'ready', detail: undefined });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        patch(f.key, { state: 'failed', detail: `Could not read "${f.name}": ${reason}` });
        setError(`The attachment "${f.name}" could not be read from Outlook. Try again, or leave it out.`);
        return false;
      }
    }
    return true;
  }

  async function send() {
    setShowProblems(true);
    if (problems.length) return;
    setSending(true);
    setError(undefined);
    const list = files;
    if (!(await readFiles(list))) {
      setSending(false);
      return;
    }
    const sizes = list.map((f) => bytes.current.get(f.key)!.byteLength);
    setFiles((all) => all.map((f) => ({ ...f, state: 'uploading', progress: 0 })));
    try {
      const view = await host.api.startProcess(
        withReportTemplate(reportTemplateId, processInput({ title, message, signers, options, sender: user, chooseMethods: config.options.chooseMethods, adminReminders: config.options.reminders.sendersOverride ? config.options.reminders : undefined, files: list, blocks })),
        list.map((f) => ({ name: f.name, kind: f.kind, bytes: bytes.current.get(f.key)! })),
        ({ loaded, total }) => {
          const shares = progressPerFile(sizes, loaded, total);
          setFiles((all) => all.map((f) => ({ ...f, progress: shares[list.findIndex((x) => x.key === f.key)] ?? 0 })));
        },
      );
      setFiles((all) => all.map((f) => ({ ...f, state: 'sent', progress: 1 })));
      setCreated(view);
    } catch (err) {
      setFiles((all) => all.map((f) => ({ ...f, state: 'ready', progress: 0 })));
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  }

  if (created) {
    return (
      <ProcessCreated
        process={created}
        host={host}
        onAnother={() => {
          bytes.current.clear();
          setCreated(undefined);
          setShowProblems(false);
          setFiles((all) => all.map((f) => ({ ...f, state: 'waiting', progress: 0 })));
        }}
      />
    );
  }

  const picker = host.kind === 'web' || !!draft.filePickerReason;
  const failed = files.some((f) => f.state === 'failed');
  return (
    <Stack tokens={{ childrenGap: 14 }} className="start-form">
      <TextField label="Title" required value={title} disabled={sending} onChange={(_, v) => setTitle(v ?? '')} />
      <TextField label="Message to the signers" multiline autoAdjustHeight rows={3} value={message} disabled={sending} onChange={(_, v) => setMessage(v ?? '')} />
      <SignerList signers={signers} onChange={setSigners} addressBook={addressBook} ordered={options.signingOrder} disabled={sending} phoneRequired={config.options.requirePhone} withDetails={config.options.signerDetails} />
      <FileList files={files} onChange={setFiles} picker={picker} pickerReason={draft.filePickerReason} disabled={sending} />
      <Separator />
      <OptionsSection options={options} onChange={setOptions} allowed={config.options} disabled={sending} forwardingOff={blocks.length > 0} />
      <Separator />
      <SignatureBlocks blocks={blocks} onChange={changeBlocks} files={files} signerEmails={blockSigners} groups={groups} disabled={sending} />
      <ReportTemplatePicker host={host} value={reportTemplateId} onChange={setReportTemplateId} disabled={sending} />
      {singleSigner && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline data-testid="single-signer-warning">
          {singleSigner}
        </MessageBar>
      )}
      {showProblems && problems.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          <ul className="problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </MessageBar>
      )}
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
          {error}
        </MessageBar>
      )}
      <Stack horizontal tokens={{ childrenGap: 8 }} wrap>
        <PrimaryButton text={sending ? 'Sending…' : failed || error ? 'Try again' : 'Send for signature'} disabled={sending} onClick={() => void send()} />
        {onReload && <DefaultButton text="Read the message again" disabled={sending} onClick={onReload} />}
      </Stack>
    </Stack>
  );
}

/** The process JSON with the chosen report template, when the sender chose one. */
const withReportTemplate = <T extends object>(id: string | undefined, input: T) => (id ? { ...input, reportTemplateId: id } : input);
