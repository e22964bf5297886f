// Custom field values checked against their definitions: type, required, options; unknown keys
// refused. Pure (definitions come in as data), so it is tested without a server; the write
// middleware runs it for every writer of a record kind that has custom fields. Questionnaire
// answers are checked by the same code (`checkAnswers`): a question is a definition with the
// questionnaire types (single, multiple, rating) and ranges, its errors named `answers.<key>`.
import { badRequest } from './errors';

export const CUSTOM_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'boolean'] as const;
export type CustomType = (typeof CUSTOM_TYPES)[number];

/** the questionnaire question types: single/multiple are select/multiselect, rating a bounded score */
export const QUESTION_TYPES = ['single', 'multiple', 'text', 'number', 'rating', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const RATING_RANGE = { min: 1, max: 5 };

export interface CustomFieldDef {
  entity: string;
  key: string;
  label: string;
  labelEn?: string | null;
  type: CustomType;
  options?: string[] | null;
  required?: boolean;
  filterable?: boolean;
  showInList?: boolean;
  order?: number;
  active?: boolean;
}

/** What one value is checked against: a custom field, or a questionnaire question (with its range). */
export interface ValueDef {
  key: string;
  type: CustomType | QuestionType;
  options?: string[] | null;
  required?: boolean;
  active?: boolean;
  /** inclusive bounds of a number or rating */
  min?: number | null;
  max?: number | null;
}

export const KEY = /^[a-z][a-z0-9_]{0,39}$/;
/** The write intent of removing a deleted field's values: other required fields are not re-checked. */
export const PURGE_INTENT = 'custom-field-deleted';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// C0 controls (but tab and newline), DEL, bidi overrides and isolates
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MAX_TEXT = 2000;
const MAX_NUMBER = 1e15;

const failIn = (prefix: string) => (key: string, code: string, why: string, params: Record<string, unknown> = {}) =>
  badRequest(`${prefix}.${key}: ${why}`, { field: `${prefix}.${key}`, code, ...params });
const fail = failIn('custom');

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const bounded = (def: ValueDef, n: number, fail: ReturnType<typeof failIn>) => {
  const min = def.min ?? (def.type === 'rating' ? RATING_RANGE.min : null);
  const max = def.max ?? (def.type === 'rating' ? RATING_RANGE.max : null);
  if ((min !== null && n < min) || (max !== null && n > max)) {
    throw fail(def.key, 'out_of_range', `must be between ${min ?? '-∞'} and ${max ?? '∞'}`, { min, max });
  }
  return n;
};

/** One value of field `def`, normalized (numbers from numeric text, options deduplicated). */
export function customValue(def: ValueDef, raw: unknown, prefix = 'custom'): unknown {
  const { key } = def;
  const fail = failIn(prefix);
  switch (def.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw fail(key, 'invalid_type', 'must be text', { type: 'text' });
      const s = String(raw).trim();
      if (s.length > MAX_TEXT) throw fail(key, 'too_long', `is longer than ${MAX_TEXT} characters`, { max: MAX_TEXT });
      if (CONTROL.test(s)) throw fail(key, 'control_characters', 'contains control characters');
      return s;
    }
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail(key, 'invalid_type', 'must be a number', { type: 'number' });
      if (Math.abs(n) > MAX_NUMBER) throw fail(key, 'out_of_range', `must be between ${-MAX_NUMBER} and ${MAX_NUMBER}`, { min: -MAX_NUMBER, max: MAX_NUMBER });
      return bounded(def, n, fail);
    }
    case 'rating': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw fail(key, 'invalid_type', 'must be a whole-number score', { type: 'rating' });
      return bounded(def, n, fail);
    }
    case 'date':
      if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(raw))) {
        throw fail(key, 'invalid_type', 'must be a date (YYYY-MM-DD)', { type: 'date' });
      }
      return raw;
    case 'boolean':
      if (typeof raw !== 'boolean') throw fail(key, 'invalid_type', 'must be true or false', { type: 'boolean' });
      return raw;
    case 'select':
    case 'single':
      if (typeof raw !== 'string' || !(def.options ?? []).includes(raw)) {
        throw fail(key, 'not_an_option', `must be one of ${(def.options ?? []).join(', ')}`, { options: def.options ?? [] });
      }
      return raw;
    case 'multiselect':
    case 'multiple': {
      if (!Array.isArray(raw)) throw fail(key, 'invalid_type', 'must be a list of options', { type: def.type });
      const bad = raw.find((v) => typeof v !== 'string' || !(def.options ?? []).includes(v));
      if (bad !== undefined) throw fail(key, 'not_an_option', `${String(bad)} is not one of ${(def.options ?? []).join(', ')}`, { options: def.options ?? [] });
      return [...new Set(raw as string[])];
    }
    default:
      throw fail(key, 'invalid_type', 'has an unknown type');
  }
}

/**
 * The `custom` object a write leaves, checked against the record kind's definitions.
 * - unknown keys are refused, except a value already stored and sent back unchanged (a field
 *   deleted since); a deactivated field keeps its stored value but takes no new one;
 * - empty values are dropped; `required` active fields must have a value when `enforceRequired`
 *   (creates, and writes that change `custom`: a claim or a follow-up does not re-check them).
 */
export function checkCustomValues(
  defs: CustomFieldDef[],
  before: unknown,
  after: unknown,
  enforceRequired: boolean,
): Record<string, unknown> {
  if (after !== null && after !== undefined && (typeof after !== 'object' || Array.isArray(after))) {
    throw badRequest('custom: must be an object keyed by field key', { field: 'custom', code: 'invalid_type', type: 'object' });
  }
  const stored = (before && typeof before === 'object' && !Array.isArray(before) ? before : {}) as Record<string, unknown>;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries((after ?? {}) as Record<string, unknown>)) {
    const def = byKey.get(key);
    const unchanged = JSON.stringify(stored[key] ?? null) === JSON.stringify(raw ?? null);
    if (!def || def.active === false) {
      if (unchanged) {
        if (!empty(raw)) out[key] = raw;
        continue;
      }
      throw def
        ? fail(key, 'custom_field_inactive', 'is deactivated: it takes no new values')
        : fail(key, 'unknown_field', 'unknown field');
    }
    if (empty(raw)) continue;
    out[key] = customValue(def, raw);
  }
  if (enforceRequired) {
    for (const def of defs) {
      if (def.required && def.active !== false && empty(out[def.key])) throw fail(def.key, 'required', 'is required');
    }
  }
  return out;
}

/**
 * A questionnaire response's `answers` checked against the questions of the revision it answers:
 * every key a question of that revision (an answer valid only in another revision is refused),
 * every value of its question's type, options and range, every required question answered.
 * Errors name `answers.<questionKey>`.
 */
export function checkAnswers(questions: ValueDef[], answers: unknown): Record<string, unknown> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw badRequest('answers: must be an object keyed by question key', { field: 'answers', code: 'invalid_type', type: 'object' });
  }
  const fail = failIn('answers');
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(answers as Record<string, unknown>)) {
    const q = byKey.get(key);
    if (!q) throw fail(key, 'unknown_question', 'is not a question of this questionnaire revision');
    if (empty(raw)) continue;
    out[key] = customValue(q, raw, 'answers');
  }
  for (const q of questions) if (q.required && empty(out[q.key])) throw fail(q.key, 'required', 'is required');
  return out;
}
