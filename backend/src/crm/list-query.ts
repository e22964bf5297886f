// The ra-data-simple-rest dialect: `sort`, `range` and `filter` query parameters turned into a
// Document Service query. This module is the only code that knows the dialect. Pure.
import { badRequest } from './errors';
import type { Field } from './fields';
import { coerce } from './fields';

export const MAX_PAGE = 1000;

export interface ListQuery {
  sort: Record<string, 'asc' | 'desc' | { id: 'asc' | 'desc' }>[];
  start: number;
  limit: number;
  filters: Record<string, unknown>;
  /** the filter is only `{"id":[…]}`: react-admin's getMany */
  idsOnly: boolean;
}

export interface ListOptions {
  fields: Field[];
  /** API field names searched by `q` */
  search: string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`${name}: must be given once, as JSON`, { param: name });
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`${name}: is not valid JSON`, { param: name });
  }
}

const OPS: Record<string, string> = { _gte: '$gte', _lte: '$lte', _neq: '$ne', _gt: '$gt', _lt: '$lt' };
const TEXT = new Set(['string', 'text', 'email']);
const ORDERED = new Set(['integer', 'biginteger', 'decimal', 'float', 'date', 'datetime', 'string', 'text', 'email']);

export function parseSort(raw: unknown, opts: ListOptions): ListQuery['sort'] {
  const value = parseJson('sort', raw) ?? opts.defaultSort ?? ['id', 'DESC'];
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badRequest('sort: must be ["field","ASC"|"DESC"]', { param: 'sort' });
  }
  const [name, dir] = value as [string, string];
  const order = dir.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badRequest('sort: order must be ASC or DESC', { param: 'sort' });
  const attr = sortAttr(name, opts.fields);
  if (!attr) throw badRequest(`sort: unknown field "${name}"`, { param: 'sort', field: name });
  const by = order.toLowerCase() as 'asc' | 'desc';
  // A relation sorts by the related record's id, in the nested form the Document Service takes.
  const sort: ListQuery['sort'] = [attr.relation ? { [attr.name]: { id: by } } : { [attr.name]: by }];
  // A unique tiebreaker keeps pages stable when many rows share the sort value.
  if (attr.name !== 'id') sort.push({ id: by });
  return sort;
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
    throw badRequest('range: must be [start,end] with 0 <= start <= end', { param: 'range' });
  }
  const limit = value[1] - value[0] + 1;
  if (limit > MAX_PAGE) throw badRequest(`range: at most ${MAX_PAGE} records per page`, { param: 'range' });
  return { start: value[0], limit };
}

export function parseFilter(raw: unknown, opts: ListOptions): Record<string, unknown> {
  const value = parseJson('filter', raw) ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('filter: must be a JSON object', { param: 'filter' });
  }
  const clauses: Record<string, unknown>[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'q') {
      if (typeof v !== 'string') throw badRequest('filter.q: must be a string', { param: 'filter', field: 'q' });
      const words = v.trim().split(/\s+/).filter(Boolean).slice(0, 5);
      for (const w of words) {
        clauses.push({
          $or: opts.search.map((api) => ({ [attrOf(api, opts.fields)]: { $containsi: w } })),
        });
      }
      continue;
    }
    const suffix = Object.keys(OPS).find((s) => key.endsWith(s));
    const name = suffix ? key.slice(0, -suffix.length) : key;
    if (name === 'id') {
      clauses.push({ id: idCondition(v, suffix) });
      continue;
    }
    const field = opts.fields.find((f) => f.api === name);
    if (!field || field.kind === 'json') {
      throw badRequest(`filter: unknown field "${key}"`, { param: 'filter', field: key });
    }
    if (suffix && suffix !== '_neq' && !ORDERED.has(field.kind)) {
      throw badRequest(`filter: "${key}" — ${name} cannot be compared with ${suffix}`, { param: 'filter', field: key });
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
      if (suffix && suffix !== '_neq') throw badRequest(`filter: "${key}" takes one value`, { param: 'filter', field: key });
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
    const n = typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x;
    if (!Number.isSafeInteger(n) || (n as number) <= 0) throw badRequest('filter.id: must be record ids', { param: 'filter', field: 'id' });
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

export function parseListQuery(query: Record<string, unknown>, opts: ListOptions): ListQuery {
  const known = new Set(['sort', 'range', 'filter']);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) throw badRequest(`unknown query parameter "${unknown[0]}"`, { param: unknown[0] });
  const { start, limit } = parseRange(query.range);
  const filters = parseFilter(query.filter, opts);
  // `filter=null` parses to null (parseFilter took it as no filter)
  const raw = (typeof query.filter === 'string' && query.filter ? JSON.parse(query.filter) : null) ?? {};
  const idsOnly = Object.keys(raw).length === 1 && Array.isArray(raw.id);
  return { sort: parseSort(query.sort, opts), start, limit, filters, idsOnly };
}
