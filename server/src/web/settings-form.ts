// Turns the settings schema into form fields (label, help, input kind, choices) and a posted form back into a
// settings object, so a setting added to the schema appears in the admin center without new page code.
import { settingsSchema, type Settings } from '@secure-signature/shared';
import type { z } from 'zod';

export interface SettingField {
  name: string;
  title: string;
  description?: string;
  kind: 'number' | 'text' | 'choice' | 'lines' | 'checkbox' | 'secret';
  choices?: string[];
}

export interface SettingSection {
  key: string;
  title: string;
  fields: SettingField[];
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; shape?: Record<string, AnySchema>; entries?: Record<string, string> } };

const unwrap = (s: AnySchema): AnySchema => (s.def.innerType ? unwrap(s.def.innerType) : s);
const metaOf = (s: AnySchema) => (s.meta() ?? {}) as { title?: string; description?: string; secret?: boolean };

export function settingSections(): SettingSection[] {
  return Object.entries(settingsSchema.shape).map(([key, section]) => {
    const object = unwrap(section as unknown as AnySchema);
    const shape = (object as unknown as z.ZodObject).shape as Record<string, AnySchema>;
    return {
      key,
      title: metaOf(section as unknown as AnySchema).title ?? key,
      fields: Object.entries(shape).map(([field, schema]) => {
        const base = unwrap(schema);
        const meta = metaOf(schema);
        const kind: SettingField['kind'] = meta.secret
          ? 'secret'
          : base.def.type === 'enum' ? 'choice' : base.def.type === 'number' ? 'number' : base.def.type === 'boolean' ? 'checkbox' : base.def.type === 'array' ? 'lines' : 'text';
        return {
          name: `${key}.${field}`,
          title: meta.title ?? field,
          description: meta.description,
          kind,
          ...(kind === 'choice' ? { choices: Object.values(base.def.entries ?? {}) } : {}),
        };
      }),
    };
  });
}

/** The posted form as a settings object, for the schema to validate. */
export function settingsFromForm(form: Record<string, string | File>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const section of settingSections()) {
    out[section.key] = {};
    for (const f of section.fields) {
      const raw = form[f.name];
      // A field the form did not send (not even empty) keeps its default; an unticked checkbox is never sent.
      if (raw === undefined && f.kind !== 'checkbox') continue;
      const value = typeof raw === 'string' ? raw : '';
      const key = f.name.slice(section.key.length + 1);
      out[section.key][key] =
        f.kind === 'checkbox' ? value === 'on' : f.kind === 'lines' ? value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : value.trim();
    }
  }
  return out;
}

export function settingValue(settings: Settings, name: string): unknown {
  const [section, key] = name.split('.');
  return (settings as unknown as Record<string, Record<string, unknown>>)[section]?.[key];
}
