import type { RaRecord } from 'react-admin';

/** A run-time setting: a key and a JSON value (admins only). */
export interface Setting extends RaRecord {
  key: string;
  value: unknown;
  description: string | null;
}

/** The value as the admin edits it: text for strings, JSON for the rest. */
export const formatValue = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value, null, 2);

/** Back from the text box: JSON when it reads as JSON (30, true, {...}), else the text itself. */
export const parseValue = (text: unknown): unknown => {
  if (typeof text !== 'string') return text;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
};

export const SETTING_FIELDS = ['key', 'value', 'description'] as const;

/** What a save sends: the value as JSON. */
export const transformSetting = (data: Partial<Setting>): Partial<Setting> => {
  const out: Record<string, unknown> = {};
  for (const field of [...SETTING_FIELDS, 'version']) if (field in data) out[field] = (data as Record<string, unknown>)[field];
  // the server stores JSON text: a typed form's JSON, or the text box read as JSON (else as a string)
  const value = parseValue(data.value);
  out.value = value === null ? null : JSON.stringify(value);
  return out as Partial<Setting>;
};
