import type { RaRecord } from 'react-admin';

import { pickFields } from '../common/pickWritable';
import { CUSTOM_ENTITIES, CUSTOM_TYPES, type CustomField } from '../common/custom';

export const CUSTOM_FIELD_FIELDS = [
  'entity', 'key', 'label', 'labelEn', 'type', 'options', 'required', 'filterable', 'showInList', 'order', 'active',
] as const;

export const CHOICE_TYPES = new Set(['select', 'multiselect']);

export const entityChoices = CUSTOM_ENTITIES.map(id => ({ id, name: `crm.custom.entity.${id}` }));
export const typeChoices = CUSTOM_TYPES.map(id => ({ id, name: `crm.custom.type.${id}` }));

/** Options as the admin edits them: one per line. */
export const formatOptions = (value: unknown): string => (Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '');

/** Lines → distinct trimmed options; none for the types that take no options. */
export const optionsOf = (type: unknown, value: unknown): string[] | null => {
  if (!CHOICE_TYPES.has(String(type))) return null;
  const lines = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split('\n') : [];
  return [...new Set(lines.map(l => l.trim()).filter(Boolean))];
};

const pick = pickFields<RaRecord>(CUSTOM_FIELD_FIELDS);

/** What a create or an edit sends: the writable fields, options as a list. */
export const transformCustomField = (data: Partial<CustomField>) => {
  const out = pick(data) as Record<string, unknown>;
  out.options = optionsOf(data.type, data.options);
  return out;
};
