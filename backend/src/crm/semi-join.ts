// Relation filters (the visibility scope `{ owner: { id: { $in: team } } }`, an owner filter from
// the list) handed to Strapi as a semi-join on the link table: `{ id: { $in: SELECT lead_id FROM
// leads_owner_lnk WHERE user_id IN (…) } }`. Strapi compiles the relation form into LEFT JOINs
// through the link table and the users table with SELECT DISTINCT over every column and
// count(DISTINCT id) — a sort and a disk spill per page at a million rows; the semi-join reads the
// link table's (user, record) index and keeps the page in the sort index's order. Same rows:
// "a linked record's id is in the set" is exactly what both forms mean. Generic: any relation
// with a link table, read from Strapi's metadata. A to-one relation with a copy column in the row
// (crm/relation-copy.ts) becomes a condition on that column instead.
import type { Core } from '@strapi/strapi';
import { copyOf } from './relation-copy';

const LOGICAL = new Set(['$and', '$or', '$not']);
/** The link table and record column behind each semi-join subquery made here. */
const joins = new WeakMap<object, { table: string; column: string }>();
const isIds = (v: unknown) => Array.isArray(v) ? v.length > 0 && v.every((x) => Number.isSafeInteger(x)) : Number.isSafeInteger(v);

/** The `{ id: cond }` of a relation condition that is a plain `$eq`/`$in` on ids, else undefined. */
function idCondition(value: unknown): { op: '$eq' | '$in'; ids: number | number[] } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'id') return undefined;
  const cond = (value as any).id;
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return undefined;
  const ops = Object.keys(cond);
  if (ops.length !== 1 || (ops[0] !== '$eq' && ops[0] !== '$in') || !isIds(cond[ops[0]])) return undefined;
  return { op: ops[0] as '$eq' | '$in', ids: cond[ops[0]] };
}

/** `filters` of content type `uid` with every plain id condition on a linked relation as a semi-join. */
export function withSemiJoins(strapi: Core.Strapi, uid: string, filters: unknown): any {
  if (Array.isArray(filters)) return filters.map((f) => withSemiJoins(strapi, uid, f));
  if (!filters || typeof filters !== 'object') return filters;
  const attributes: Record<string, any> = (strapi.db.metadata.get(uid as any) as any).attributes;
  const kept: Record<string, unknown> = {};
  const semi: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      kept[key] = withSemiJoins(strapi, uid, value);
      continue;
    }
    const jt = attributes[key]?.type === 'relation' ? attributes[key].joinTable : undefined;
    const cond = jt && !jt.on && !jt.morphColumn ? idCondition(value) : undefined;
    if (!cond) {
      kept[key] = value;
      continue;
    }
    // a relation copied into the row (crm/relation-copy.ts) is a plain column condition
    const copy = copyOf(strapi, uid, key);
    if (copy) {
      semi.push({ [copy.attr]: { [cond.op]: cond.ids } });
      continue;
    }
    const q = strapi.db.connection(jt.name).select(jt.joinColumn.name);
    if (cond.op === '$eq') q.where(jt.inverseJoinColumn.name, cond.ids as number);
    else q.whereIn(jt.inverseJoinColumn.name, cond.ids as number[]);
    joins.set(q, { table: jt.name, column: jt.joinColumn.name });
    semi.push({ id: { $in: q } });
  }
  if (!semi.length) return kept;
  const parts = [...(Object.keys(kept).length ? [kept] : []), ...semi];
  return parts.length === 1 ? parts[0] : { $and: parts };
}

const uniqueLinks = new Map<string, Promise<boolean>>();

/** Does `column` of link table `table` have a unique index of its own (one link per record)? PostgreSQL. */
function oneLinkPerRecord(strapi: Core.Strapi, table: string, column: string): Promise<boolean> {
  const key = `${table}.${column}`;
  if (!uniqueLinks.has(key)) {
    uniqueLinks.set(key, strapi.db.connection.raw(
      `SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indnatts = 1 AND a.attname = ?`, [table, column],
    ).then((r: any) => r.rows.length > 0, () => false));
  }
  return uniqueLinks.get(key)!;
}

/**
 * The exact number of records matching `filters` when they are one semi-join and nothing else (a
 * manager's unfiltered list), counted in the link table's (user, record) index instead of
 * matching every record against it: a link's record exists (the link table's foreign key
 * cascades), so the records are the distinct linked ids — count(*) where a unique index makes
 * each record linked once (database/indexes/012_*.sql), else count(DISTINCT). PostgreSQL only;
 * undefined otherwise.
 */
export async function semiJoinCount(strapi: Core.Strapi, filters: unknown): Promise<number | undefined> {
  if (strapi.db.dialect.client !== 'postgres' || !filters || typeof filters !== 'object') return undefined;
  const keys = Object.keys(filters);
  // `{ $and: [one] }` (the scope alone, as records.ts combines it) is that one
  const and = (filters as any).$and;
  if (keys.length === 1 && Array.isArray(and) && and.length === 1) return semiJoinCount(strapi, and[0]);
  const sub = keys.length === 1 && keys[0] === 'id' ? (filters as any).id?.$in : undefined;
  const join = sub && typeof sub === 'object' && Object.keys((filters as any).id).length === 1 ? joins.get(sub) : undefined;
  if (!join) return undefined;
  const q = sub.clone().clearSelect();
  const row = await ((await oneLinkPerRecord(strapi, join.table, join.column)) ? q.count({ n: '*' }) : q.countDistinct({ n: join.column })).first();
  return Number(row.n);
}
