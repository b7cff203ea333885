// The group editor's choice of report templates its members may use (none ticked: all of them).
export function ReportTemplateFields(p: { templates: { id: string; name: string }[]; checked: string[] }) {
  if (p.templates.length === 0) return null;
  return (
    <fieldset class="signer-details">
      <legend>Report templates members may use</legend>
      <div class="muted">None ticked: every template.</div>
      {p.templates.map((t) => (
        <label>
          <input type="checkbox" name="reportTemplate" value={t.id} checked={p.checked.includes(t.id)} /> {t.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The ticked templates of a posted group form. */
export function postedReportTemplateIds(form: Record<string, unknown>): string[] {
  const v = form['reportTemplate'] ?? form['reportTemplate[]'];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}
