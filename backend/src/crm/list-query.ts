// The ra-data-simple-rest dialect: `sort`, `range` and `filter` query parameters turned into a
// Document Service query. This module is the only code that knows the dialect. Pure.
import { badRequest } from './errors';
import type { Field } from './fields';
import { coerce, idOf, isRecordId } from './fields';
import { customValue, type CustomFieldDef } from './custom-values';

export const MAX_PAGE = 1000;

export interface ListQuery {
  sort: Record<string, 'asc' | 'desc' | { id: 'asc' | 'desc' }>[];
  start: number;
  limit: number;
  filters: Record<string, unknown>;
  /** the filter is only `{"id":[…]}`: react-admin's getMany */
  idsOnly: boolean;
  /** `["custom.<key>", dir]`: sorted by a custom field's value (records.ts orders in SQL) */
  customSort?: { def: CustomFieldDef; dir: 'asc' | 'desc' };
}

/** A condition on a custom field's value, turned into a record filter by the caller (SQL). */
export interface CustomCondition {
  def: CustomFieldDef;
  op: 'eq' | 'neq' | 'in' | 'notIn' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains' | 'like';
  value: unknown;
}

export interface ListOptions {
  fields: Field[];
  /** API field names searched by `q` */
  search: string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** the record kind's active custom fields: filterable ones filter and sort, text ones join `q` */
  custom?: CustomFieldDef[];
  customCondition?: (c: CustomCondition) => Record<string, unknown>;
  /** an indexed condition for one `q` word with the same rows as the LIKEs (crm/search-index.ts) */
  searchIndex?: (word: string) => Record<string, unknown> | undefined;
}

const CUSTOM_PREFIX = 'custom.';
const CUSTOM_ORDERED = new Set(['number', 'date']);
const CUSTOM_OPS: Record<string, CustomCondition['op']> = { _gte: 'gte', _lte: 'lte', _gt: 'gt', _lt: 'lt', _neq: 'neq' };

/** The filterable custom field `name` (`custom.<key>`) names, or a 400. */
function filterableCustom(name: string, opts: ListOptions, param: string): CustomFieldDef {
  const key = name.slice(CUSTOM_PREFIX.length);
  const def = opts.custom?.find((d) => d.key === key);
  if (!def || !def.filterable || !opts.customCondition) {
    throw badRequest(`${param}: ${name} is not a filterable custom field`, { param, field: name, code: 'not_filterable' });
  }
  return def;
}

function customClause(name: string, suffix: string | undefined, v: unknown, opts: ListOptions, key: string) {
  const def = filterableCustom(name, opts, 'filter');
  const bad = (why: string) => badRequest(`filter: "${key}" — ${why}`, { param: 'filter', field: key, code: 'invalid_query' });
  if (suffix && suffix !== '_neq' && !CUSTOM_ORDERED.has(def.type)) throw bad(`${name} cannot be compared with ${suffix}`);
  // a filter value is checked like a stored one; a multiselect filter names one option it contains
  const one = (x: unknown) => customValue(def.type === 'multiselect' ? { ...def, type: 'select' } : def, x);
  let op: CustomCondition['op'];
  let value: unknown;
  if (Array.isArray(v)) {
    if ((suffix && suffix !== '_neq') || def.type === 'multiselect') throw bad('takes one value');
    op = suffix ? 'notIn' : 'in';
    value = v.map(one);
  } else {
    op = def.type === 'multiselect' ? 'contains' : suffix ? CUSTOM_OPS[suffix] : 'eq';
    value = one(v);
  }
  return opts.customCondition!({ def, op, value });
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`${name}: must be given once, as JSON`, { param: name, code: 'invalid_query' });
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`${name}: is not valid JSON`, { param: name, code: 'invalid_query' });
  }
}

const OPS: Record<string, string> = { _gte: '$gte', _lte: '$lte', _neq: '$ne', _gt: '$gt', _lt: '$lt' };
const TEXT = new Set(['string', 'text', 'email']);
const ORDERED = new Set(['integer', 'biginteger', 'decimal', 'float', 'date', 'datetime', 'string', 'text', 'email']);

export function parseSort(raw: unknown, opts: ListOptions): Pick<ListQuery, 'sort' | 'customSort'> {
  const value = parseJson('sort', raw) ?? opts.defaultSort ?? ['id', 'DESC'];
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badRequest('sort: must be ["field","ASC"|"DESC"]', { param: 'sort', code: 'invalid_query' });
  }
  const [name, dir] = value as [string, string];
  const order = dir.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest('sort: order must be ASC or DESC', { param: 'sort', code: 'invalid_query' });
  if (name.startsWith(CUSTOM_PREFIX)) {
    const def = filterableCustom(name, opts, 'sort');
    if (def.type === 'multiselect') throw badRequest(`sort: ${name} cannot be sorted`, { param: 'sort', field: name, code: 'invalid_query' });
    const dir = order.toLowerCase() as 'asc' | 'desc';
    return { sort: [{ id: dir }], customSort: { def, dir } };
  }
  const attr = sortAttr(name, opts.fields);
  if (!attr) throw badRequest(`sort: unknown field "${name}"`, { param: 'sort', field: name, code: 'invalid_query' });
  const by = order.toLowerCase() as 'asc' | 'desc';
  // A relation sorts by the related record's id, in the nested form the Document Service takes.
  const sort: ListQuery['sort'] = [attr.relation ? { [attr.name]: { id: by } } : { [attr.name]: by }];
  // A unique tiebreaker keeps pages stable when many rows share the sort value.
  if (attr.name !== 'id') sort.push({ id: by });
  return { sort };
}

function sortAttr(name: string, fields: Field[]): { name: string; relation: boolean } | undefined {
  if (name === 'id') return { name: 'id', relation: false };
  const f = fields.find((x) => x.api === name);
  if (!f || f.kind === 'json' || (f.kind === 'relation' && f.many)) return undefined;
  return { name: f.attr, relation: f.kind === 'relation' };
}

export function parseRange(raw: unknown): { start: number; limit: number } {
  const value = parseJson('range', raw);
  if (value === undefined) return { start: 0, limit: 25 };
  if (
    !Array.isArray(value) || value.length !== 2 ||
    !value.every((n) => Number.isSafeInteger(n) && n >= 0) || value[1] < value[0]
  ) {
    throw badRequest('range: must be [start,end] with 0 <= start <= end', { param: 'range', code: 'invalid_query' });
  }
  const limit = value[1] - value[0] + 1;
  if (limit > MAX_PAGE) throw badRequest(`range: at most ${MAX_PAGE} records per page`, { param: 'range', code: 'invalid_query' });
  return { start: value[0], limit };
}

/** The `filter` parameter as an object (JSON parsed once, shape checked). */
export function readFilter(raw: unknown): Record<string, unknown> {
  const parsed = parseJson('filter', raw);
  const value = parsed === undefined ? {} : parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('filter: must be a JSON object', { param: 'filter', code: 'invalid_query' });
  }
  return value as Record<string, unknown>;
}

/** react-admin's getMany: the filter is only `{"id":[…]}`. */
export const isGetMany = (filter: Record<string, unknown>) => Object.keys(filter).length === 1 && Array.isArray(filter.id);

export function parseFilter(value: Record<string, unknown>, opts: ListOptions): Record<string, unknown> {
  const clauses: Record<string, unknown>[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'q') {
      if (typeof v !== 'string') throw badRequest('filter.q: must be a string', { param: 'filter', field: 'q', code: 'invalid_query' });
      const words = v.trim().split(/\s+/).filter(Boolean).slice(0, 5);
      for (const w of words) {
        const text = (opts.custom ?? []).filter((d) => d.type === 'text' && opts.customCondition);
        const like = {
          $or: [
            ...opts.search.map((api) => ({ [attrOf(api, opts.fields)]: { $containsi: w } })),
            ...text.map((def) => opts.customCondition!({ def, op: 'like', value: w })),
          ],
        };
        // the token index covers the search columns only: not when text custom fields join `q`
        const indexed = text.length ? undefined : opts.searchIndex?.(w);
        clauses.push(indexed ?? like);
      }
      continue;
    }
    const suffix = Object.keys(OPS).find((s) => key.endsWith(s));
    const name = suffix ? key.slice(0, -suffix.length) : key;
    if (name === 'id') {
      clauses.push({ id: idCondition(v, suffix) });
      continue;
    }
    if (name.startsWith(CUSTOM_PREFIX)) {
      clauses.push(customClause(name, suffix, v, opts, key));
      continue;
    }
    const field = opts.fields.find((f) => f.api === name);
    if (!field || field.kind === 'json') {
      throw badRequest(`filter: unknown field "${key}"`, { param: 'filter', field: key, code: 'invalid_query' });
    }
    if (suffix && suffix !== '_neq' && !ORDERED.has(field.kind)) {
      throw badRequest(`filter: "${key}" — ${name} cannot be compared with ${suffix}`, { param: 'filter', field: key, code: 'invalid_query' });
    }
    const single = { ...field, required: false, many: false };
    // Filter values are typed like the field, but text is matched as given (no format checks).
    const conv = (x: unknown) => {
      if (x === null) return null;
      if (TEXT.has(field.kind) && (typeof x === 'string' || typeof x === 'number')) return String(x);
      return coerce(single, x);
    };
    const target = field.kind === 'relation' ? `${field.attr}` : field.attr;
    let cond: unknown;
    if (Array.isArray(v)) {
      if (suffix && suffix !== '_neq') throw badRequest(`filter: "${key}" takes one value`, { param: 'filter', field: key, code: 'invalid_query' });
      const values = v.map(conv);
      cond = suffix === '_neq' ? { $notIn: values } : { $in: values };
    } else if (v === null) {
      cond = suffix === '_neq' ? { $notNull: true } : { $null: true };
    } else {
      cond = { [suffix ? OPS[suffix] : '$eq']: conv(v) };
    }
    clauses.push(field.kind === 'relation' ? { [target]: { id: cond } } : { [target]: cond });
  }
  return clauses.length ? { $and: clauses } : {};
}

function idCondition(v: unknown, suffix: string | undefined) {
  const id = (x: unknown) => {
    const n = idOf(x);
    if (!isRecordId(n)) throw badRequest('filter.id: must be record ids', { param: 'filter', field: 'id', code: 'invalid_query' });
    return n;
  };
  if (Array.isArray(v)) return suffix === '_neq' ? { $notIn: v.map(id) } : { $in: v.map(id) };
  return { [suffix ? OPS[suffix] : '$eq']: id(v) };
}

function attrOf(api: string, fields: Field[]) {
  const f = fields.find((x) => x.api === api);
  if (!f) throw new Error(`search field ${api} is not a field`);
  return f.attr;
}

/**
 * The whole query, parsed once. `filter` is the filter parameter already read (and possibly
 * rewritten by the resource: staff present `active` for the stored `blocked`).
 */
export function parseListQuery(query: Record<string, unknown>, opts: ListOptions, filter = readFilter(query.filter)): ListQuery {
  const known = new Set(['sort', 'range', 'filter']);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) throw badRequest(`unknown query parameter "${unknown[0]}"`, { param: unknown[0], code: 'invalid_query' });
  const { start, limit } = parseRange(query.range);
  return { ...parseSort(query.sort, opts), start, limit, filters: parseFilter(filter, opts), idsOnly: isGetMany(filter) };
}
