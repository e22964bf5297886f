// Custom field definitions at run time: read through a cache that every instance revalidates
// against the table's stamp (row count + newest update) on each use, so a definition changed on
// one instance is enforced by all at once, without a restart. Plus the SQL that reaches a value
// inside the `custom` JSON column on each database: filters, sort and the expression indexes
// created when a field is marked filterable (they must match the filter's expression exactly).
import type { Core } from '@strapi/strapi';
import { resources } from './registry';
import { KEY, type CustomFieldDef, type CustomType } from './custom-values';
import type { CustomCondition } from './list-query';
import { tableStamp } from './stamp';
import { rowCondition } from './row-condition';

const RESOURCE = 'custom-fields';

let cache: { stamp: string; defs: CustomFieldDef[] } | undefined;

const defsUid = () => resources().find((r) => r.name === RESOURCE)?.uid;

/** A new app instance in this process (a restart, the next test file) reads its own database. */
export const forgetCustomDefs = () => { cache = undefined; };

/** Every definition (active or not) of `entity`, fresh as of this call. */
export async function customDefs(strapi: Core.Strapi, entity: string): Promise<CustomFieldDef[]> {
  const uid = defsUid();
  if (!uid) return [];
  const stamp = await tableStamp(strapi, uid);
  if (cache?.stamp !== stamp) {
    const rows: any[] = await strapi.db.query(uid as any).findMany({ orderBy: [{ order: 'asc' }, { id: 'asc' }] });
    cache = { stamp, defs: rows.map((r) => ({ ...r, options: Array.isArray(r.options) ? r.options : null })) };
  }
  return cache.defs.filter((d) => d.entity === entity);
}

export type Dialect = 'postgres' | 'sqlite';
export const dialectOf = (strapi: Core.Strapi): Dialect => (strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite');

/** The SQL of field `key`'s value in `column` (an alias-qualified column such as `t0.custom`). */
export function valueSql(dialect: Dialect, column: string, key: string, type: CustomType): string {
  if (!KEY.test(key)) throw new Error(`custom field key ${key} is not a safe identifier`);
  if (dialect === 'sqlite') return `json_extract(${column}, '$.${key}')`;
  const text = `(${column}->>'${key}')`;
  if (type === 'number') return `(${text}::numeric)`;
  if (type === 'boolean') return `(${text}::boolean)`;
  return text;
}

/** A condition on a multiselect value: it contains `?`. */
export function containsSql(dialect: Dialect, column: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`custom field key ${key} is not a safe identifier`);
  return dialect === 'sqlite'
    ? `EXISTS (SELECT 1 FROM json_each(${column}, '$.${key}') WHERE value = ?)`
    : `jsonb_exists(${column}->'${key}', ?)`;
}

/**
 * The indexes of a filterable field. PostgreSQL: one GIN index on the whole `custom` column serves
 * every field's equality, `in` and multiselect conditions as containment (`custom @> {"k": v}`, a
 * condition on the row itself: see customCondition); a field's expression index serves its ranges
 * and its sort. SQLite: the expression index.
 */
export function indexSql(dialect: Dialect, table: string, key: string, type: CustomType): { name: string; sql: string }[] {
  const gin = { name: `${table}_custom_gin`, sql: `CREATE INDEX IF NOT EXISTS "${table}_custom_gin" ON "${table}" USING gin (custom jsonb_path_ops)` };
  const name = `${table}_cf_${key}`.slice(0, 63);
  const expr = { name, sql: `CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${valueSql(dialect, 'custom', key, type)})` };
  if (type === 'multiselect') return dialect === 'postgres' ? [gin] : [];
  return dialect === 'postgres' ? [gin, expr] : [expr];
}

/**
 * Creates the indexes of a filterable field, outside any transaction (a slow build must not hold
 * one). A new expression index has no statistics until the table is analyzed, and without them the
 * planner guesses its selectivity (at a million rows: a 2 s plan where the analyzed one takes
 * 0.3 s), so a new index is followed by ANALYZE on PostgreSQL.
 */
export async function ensureCustomIndex(strapi: Core.Strapi, uid: string, def: CustomFieldDef) {
  const table = strapi.db.metadata.get(uid as any).tableName;
  const dialect = dialectOf(strapi);
  const wanted = indexSql(dialect, table, def.key, def.type);
  if (!wanted.length) return;
  try {
    const raw = (sql: string, b: unknown[] = []) => strapi.db.connection.raw(sql, b as any[]);
    const present = dialect === 'postgres'
      ? new Set(((await raw('SELECT indexname FROM pg_indexes WHERE tablename = ?', [table])) as any).rows.map((r: any) => r.indexname))
      : new Set<string>();
    const missing = wanted.filter((i) => !present.has(i.name));
    for (const i of missing) await raw(i.sql);
    if (dialect === 'postgres' && missing.length) await raw(`ANALYZE "${table}"`);
  } catch (e: any) {
    strapi.log.error(`[crm] index for custom.${def.key} on ${table}: ${e?.message ?? e}`);
  }
}

/** The resource whose records carry `entity`'s custom values. */
export const resourceOfEntity = (entity: string) => resources().find((r) => r.custom === entity);

/** At boot: every filterable field's index (one made on another instance, or before an upgrade). */
export async function ensureCustomIndexes(strapi: Core.Strapi) {
  const uid = defsUid();
  if (!uid) return;
  const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { filterable: true } });
  for (const def of rows) {
    const target = resourceOfEntity(def.entity);
    if (target) await ensureCustomIndex(strapi, target.uid, def);
  }
}

const SQL_OPS: Partial<Record<CustomCondition['op'], string>> = { eq: '=', neq: '<>', gte: '>=', lte: '<=', gt: '>', lt: '<' };

/**
 * Containment of `{ key: value }` in the row's `custom` (PostgreSQL): the GIN index serves it. As
 * JSON text: the query engine would read an object here as more operators.
 */
const contains = (key: string, value: unknown) => ({ custom: { $jsonSupersetOf: JSON.stringify({ [key]: value }) } });

/**
 * The record filter for a condition on a custom value. PostgreSQL: equality, `in` and a
 * multiselect's option as containment on the row (values are checked and typed like stored ones,
 * so containment and equality agree). Otherwise a condition on the value's expression, on the row
 * where a list reads (crm/row-condition.ts).
 */
export function customCondition(strapi: Core.Strapi, uid: string) {
  return ({ def, op, value }: CustomCondition): Record<string, unknown> => {
    const dialect = dialectOf(strapi);
    if (dialect === 'postgres') {
      if (op === 'eq' && value != null) return contains(def.key, value);
      if (op === 'contains' && value != null) return contains(def.key, [value]);
      if (op === 'in' && (value as unknown[]).length && (value as unknown[]).every((v) => v != null)) {
        return { $or: (value as unknown[]).map((v) => contains(def.key, v)) };
      }
    }
    const table = strapi.db.metadata.get(uid as any).tableName;
    const column = '"t0"."custom"';
    const expr = valueSql(dialect, column, def.key, def.type);
    // SQLite's json_extract gives booleans as 1/0
    const bind = (v: unknown) => (dialect === 'sqlite' && typeof v === 'boolean' ? Number(v) : v);
    const on = (sql: string, bindings: unknown[] = []) => rowCondition(strapi, table, sql, bindings);
    if (op === 'contains') return on(containsSql(dialect, column, def.key), [value as string]);
    if (op === 'like') return on(`LOWER(${expr}) LIKE ? ESCAPE '\\'`, [`%${String(value).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    if (op === 'in' || op === 'notIn') {
      const values = (value as unknown[]).map(bind);
      if (!values.length) return on(op === 'in' ? '1 = 0' : '1 = 1');
      return on(`${expr} ${op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`, values);
    }
    return on(`${expr} ${SQL_OPS[op]} ?`, [bind(value)]);
  };
}

/** One page of ids among the records matching `filters`, ordered by a custom value (empty last). */
export async function customSortedIds(
  strapi: Core.Strapi, uid: string, filters: Record<string, unknown>,
  sort: { def: CustomFieldDef; dir: 'asc' | 'desc' }, start: number, limit: number,
): Promise<number[]> {
  const table = strapi.db.metadata.get(uid as any).tableName;
  const matching = (strapi.db as any).queryBuilder(uid).init({ where: filters, select: ['id'] }).getKnexQuery();
  const expr = valueSql(dialectOf(strapi), `${table}.custom`, sort.def.key, sort.def.type);
  const rows: any[] = await strapi.db.connection(table).select(`${table}.id`).whereIn(`${table}.id`, matching)
    .orderByRaw(`${expr} ${sort.dir} NULLS LAST`).orderBy(`${table}.id`, sort.dir).limit(limit).offset(start);
  return rows.map((r) => r.id as number);
}
