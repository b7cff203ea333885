// The report template choice, shown only when the admin lets senders choose and this sender may use a template:
// preselects the default when the sender may use it, else the first they may.
import { useEffect, useState } from 'react';
import { Dropdown } from '@fluentui/react';
import type { ReportTemplateChoice } from '@secure-signature/shared';
import type { StartHost } from '../host';

type Props = { host: StartHost; value: string | undefined; onChange: (id: string | undefined) => void; disabled?: boolean };

export function ReportTemplatePicker({ host, value, onChange, disabled }: Props) {
  const [templates, setTemplates] = useState<ReportTemplateChoice[]>([]);
  useEffect(() => {
    host.api.reportTemplates().then(
      (r) => {
        setTemplates(r.choose ? r.templates : []);
        if (r.choose) onChange((r.templates.find((t) => t.isDefault) ?? r.templates[0])?.id);
      },
      () => setTemplates([]),
    );
    // onChange is the parent's state setter: stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);
  if (templates.length === 0) return null;
  return (
    <Dropdown
      label="Report template"
      selectedKey={value ?? null}
      disabled={disabled}
      options={templates.map((t) => ({ key: t.id, text: t.name }))}
      onChange={(_, option) => option && onChange(String(option.key))}
    />
  );
}
