// API field descriptions derived from a content type's attributes, plus value coercion.
// Pure: takes plain attribute objects, so it is tested without a server.
import { badRequest } from './errors';
import { coerceDateTime } from './time';

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
  private?: boolean;
  default?: unknown;
}

const MOBILE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function coerce(field: Field, raw: unknown): unknown {
  const fail = (why: string) => badRequest(`${field.api}: ${why}`, { field: field.api });
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
      if (field.maxLength && s.length > field.maxLength) throw fail(`is longer than ${field.maxLength} characters`);
      if (field.kind === 'email' && s && !EMAIL.test(s)) throw fail('is not an email address');
      if (field.api === 'mobile' && s && !MOBILE.test(s)) throw fail('is not a phone number');
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
      return n;
    }
    case 'decimal':
    case 'float': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('must be a number');
      return n;
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
        const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw fail('must be a record id');
        return n;
      };
      if (field.many) {
        if (!Array.isArray(raw)) throw fail('must be an array of record ids');
        return [...new Set(raw.map(one))];
      }
      return one(raw);
    }
    case 'json':
      if (typeof raw !== 'object') throw fail('must be an object');
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
      hasDefault: a.default !== undefined,
      readOnly: (opts.readOnly ?? []).includes(api),
      viaAction: (opts.viaAction ?? []).includes(api),
    });
  }
  return fields;
}
