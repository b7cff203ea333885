// The files: the message's attachments (or files chosen here), each a document to sign or an attachment that only
// travels along, with its own progress while sending.
import { useRef, useState, type DragEvent } from 'react';
import { DefaultButton, IconButton, Label, MessageBar, MessageBarType, ProgressIndicator, Stack, Text, Toggle } from '@fluentui/react';
import { fileFromPicked, formatSize, isPdfName, type FormFile } from '../form/form-state';

type Props = {
  files: FormFile[];
  onChange: (files: FormFile[]) => void;
  /** Whether files can be chosen here (the web form, or an Outlook without attachment access). */
  picker: boolean;
  pickerReason?: string;
  disabled: boolean;
};

const stateText: Record<FormFile['state'], string> = {
  waiting: '',
  reading: 'Reading from Outlook…',
  retrying: 'Outlook did not answer; trying again…',
  ready: 'Ready',
  uploading: 'Uploading',
  sent: 'Sent',
  failed: 'Failed',
};

export function FileList({ files, onChange, picker, pickerReason, disabled }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const add = (list: FileList | null) => {
    if (list && list.length) onChange([...files, ...Array.from(list).map(fileFromPicked)]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) add(e.dataTransfer.files);
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Label>Documents</Label>
      {pickerReason && <MessageBar messageBarType={MessageBarType.info}>{pickerReason}</MessageBar>}
      {files.length === 0 && !picker && <Text variant="small">The message has no file attachments. Attach the PDF documents to the message and open this pane again.</Text>}
      {files.map((f, i) => (
        <div key={f.key} className={`file file-${f.state}`} data-testid="file">
          <div className="file-head">
            <Text className="grow file-name" title={f.name}>{f.name}</Text>
            <Text variant="small" className="muted">{formatSize(f.size)}</Text>
            <IconButton iconProps={{ iconName: 'Delete' }} title="Leave out" ariaLabel={`Leave out ${f.name}`} disabled={disabled} onClick={() => onChange(files.filter((_, j) => j !== i))} />
          </div>
          <Toggle
            inlineLabel
            label={f.kind === 'document' ? 'To be signed' : 'Attachment, not signed'}
            checked={f.kind === 'document'}
            disabled={disabled || !isPdfName(f.name)}
            title={isPdfName(f.name) ? undefined : 'Only PDF documents can be signed'}
            onChange={(_, on) => onChange(files.map((x, j) => (j === i ? { ...x, kind: on ? 'document' : 'attachment' } : x)))}
          />
          {f.state !== 'waiting' && f.state !== 'failed' && (
            <ProgressIndicator
              label={stateText[f.state]}
              description={f.detail}
              percentComplete={f.state === 'reading' || f.state === 'retrying' ? undefined : f.state === 'ready' ? 0 : f.progress}
              ariaValueText={`${f.name}: ${stateText[f.state]}`}
            />
          )}
          {f.state === 'failed' && <Text className="error-text" role="alert">{f.detail}</Text>}
        </div>
      ))}
      {picker && (
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Text>Drop PDF documents here, or</Text>{' '}
          <DefaultButton text="Choose files" iconProps={{ iconName: 'Attach' }} disabled={disabled} onClick={() => input.current?.click()} />
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="file-input"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      )}
    </Stack>
  );
}
