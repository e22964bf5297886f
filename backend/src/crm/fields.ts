// API field descriptions derived from a content type's attributes, plus value coercion.
// Pure: takes plain attribute objects, so it is tested without a server.
import { badRequest } from './errors';
import { jsonBytes, jsonDepthExceeds, MAX_FIELD_BYTES, MAX_FIELD_DEPTH } from './security/json-limits';
import { coerceDateTime } from './time';

/** Record ids are positive 32-bit integers on both databases (PostgreSQL `integer` ends at 2^31-1). */
export const MAX_RECORD_ID = 2147483647;
export const isRecordId = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0 && (n as number) <= MAX_RECORD_ID;
/** An id as it arrives (a number, or digits in a URL or form), as a number where it is digits. */
export const idOf = (raw: unknown): unknown => (typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw);

export type FieldKind =
  | 'string' | 'text' | 'email' | 'enumeration' | 'boolean' | 'integer' | 'biginteger'
  | 'decimal' | 'float' | 'date' | 'datetime' | 'json' | 'relation';

export interface Field {
  api: string;
  attr: string;
  kind: FieldKind;
  required: boolean;
  enum?: readonly string[];
  /** manyToOne/oneToOne → single id; *ToMany → id array */
  many?: boolean;
  target?: string;
  maxLength?: number;
  /** bounds of a number, from the attribute's `min`/`max` */
  min?: number;
  max?: number;
  /** the content type fills it in when a new record leaves it out */
  hasDefault?: boolean;
  /** fields the client may never set (timestamps, ids, server-computed values) */
  readOnly: boolean;
  /** fields only changed through an action (status, owner) */
  viaAction: boolean;
}

export interface Attribute {
  type: string;
  required?: boolean;
  enum?: string[];
  relation?: string;
  target?: string;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  private?: boolean;
  default?: unknown;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Control characters have no business in CRM text: NUL breaks PostgreSQL text columns and C
// tools, the others hide or reorder what a colleague reads (bidi overrides spoof names and
// numbers). Long text keeps its line breaks and tabs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Whether `s` holds a character refused in CRM text (`multiline`: line breaks and tabs allowed). */
export const hasControlCharacters = (s: string, multiline = false) => (multiline ? CONTROL_IN_TEXT : CONTROL).test(s);

const bound = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** A number outside the attribute's `min`/`max` is a 400 with the bounds as params. */
function inRange(field: Field, n: number, fail: (why: string, extra?: Record<string, unknown>) => Error) {
  const { min, max } = field;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const span = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw fail(`must be ${span}`, { code: 'out_of_range', min, max });
  }
  return n;
}

export function coerce(field: Field, raw: unknown): unknown {
  const fail = (why: string, extra: Record<string, unknown> = {}) => badRequest(`${field.api}: ${why}`, { field: field.api, ...extra });
  if (raw === null || raw === undefined || raw === '') {
    if (field.required) throw fail('is required');
    return field.many ? [] : null;
  }
  switch (field.kind) {
    case 'string':
    case 'text':
    case 'email': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw fail('must be a string');
      const s = String(raw).trim();
      if ((field.kind === 'text' ? CONTROL_IN_TEXT : CONTROL).test(s)) {
        throw fail('must not contain control or bidirectional-override characters', { code: 'control_characters' });
      }
      if (field.maxLength && s.length > field.maxLength) throw fail(`is longer than ${field.maxLength} characters`);
      if (field.kind === 'email' && s && !EMAIL.test(s)) throw fail('is not an email address');
      if (!s && field.required) throw fail('is required');
      return s || null;
    }
    case 'enumeration':
      if (typeof raw !== 'string' || !field.enum?.includes(raw)) {
        throw fail(`must be one of ${field.enum?.join(', ')}`);
      }
      return raw;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw fail('must be true or false');
    case 'integer':
    case 'biginteger': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw fail('must be an integer');
      return inRange(field, n, fail);
    }
    case 'decimal':
    case 'float': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('must be a number');
      return inRange(field, n, fail);
    }
    case 'date':
      if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(raw))) {
        throw fail('must be a date (YYYY-MM-DD)');
      }
      return raw;
    case 'datetime':
      return coerceDateTime(field.api, raw); // zone-less = the CRM time zone (crm/time.ts)
    case 'relation': {
      const one = (v: unknown) => {
        const n = idOf(v);
        if (!isRecordId(n)) throw fail('must be a record id', { code: 'invalid_id' });
        return n;
      };
      if (field.many) {
        if (!Array.isArray(raw)) throw fail('must be an array of record ids');
        return [...new Set(raw.map(one))];
      }
      return one(raw);
    }
    case 'json':
      if (typeof raw !== 'object') throw fail('must be an object', { code: 'invalid_type', type: 'object' });
      if (jsonDepthExceeds(raw, MAX_FIELD_DEPTH)) {
        throw fail(`is nested deeper than ${MAX_FIELD_DEPTH} levels`, { code: 'json_too_deep', max: MAX_FIELD_DEPTH });
      }
      if (jsonBytes(raw) > MAX_FIELD_BYTES) {
        throw fail(`is larger than ${MAX_FIELD_BYTES} bytes`, { code: 'json_too_large', max: MAX_FIELD_BYTES });
      }
      return raw;
    default:
      throw fail('cannot be set');
  }
}

// Strapi's own bookkeeping attributes; timestamps are added back read-only by the caller.
const MANAGED = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'documentId']);

const KINDS = new Set<string>([
  'string', 'text', 'email', 'enumeration', 'boolean', 'integer', 'biginteger', 'decimal',
  'float', 'date', 'datetime', 'json', 'relation',
]);

/**
 * Builds the API field list of a resource from its content-type attributes.
 * `rename` maps API names to attribute names where they differ (Strapi reserves `status`).
 */
export function describeFields(
  attributes: Record<string, Attribute>,
  opts: { rename?: Record<string, string>; viaAction?: string[]; readOnly?: string[] } = {},
): Field[] {
  const apiOf = new Map(Object.entries(opts.rename ?? {}).map(([api, attr]) => [attr, api]));
  const fields: Field[] = [];
  for (const [attr, a] of Object.entries(attributes)) {
    if (!KINDS.has(a.type) || a.private || MANAGED.has(attr)) continue;
    const api = apiOf.get(attr) ?? attr;
    fields.push({
      api,
      attr,
      kind: a.type as FieldKind,
      required: !!a.required,
      enum: a.enum,
      many: a.type === 'relation' ? /ToMany$/.test(a.relation ?? '') : undefined,
      target: a.target,
      maxLength: a.maxLength,
      min: bound(a.min),
      max: bound(a.max),
      hasDefault: a.default !== undefined,
      readOnly: (opts.readOnly ?? []).includes(api),
      viaAction: (opts.viaAction ?? []).includes(api),
    });
  }
  return fields;
}
