// Relation filters (the visibility scope `{ owner: { id: { $in: team } } }`, an owner filter from
// the list) handed to Strapi as a semi-join on the link table: `{ id: { $in: SELECT lead_id FROM
// leads_owner_lnk WHERE user_id IN (…) } }`. Strapi compiles the relation form into LEFT JOINs
// through the link table and the users table with SELECT DISTINCT over every column and
// count(DISTINCT id) — a sort and a disk spill per page at a million rows; the semi-join reads the
// link table's (user, record) index and keeps the page in the sort index's order. Same rows:
// "a linked record's id is in the set" is exactly what both forms mean. Generic: any relation
// with a link table, read from Strapi's metadata.
import type { Core } from '@strapi/strapi';

const LOGICAL = new Set(['$and', '$or', '$not']);
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
  const joins: Record<string, unknown>[] = [];
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
    const q = strapi.db.connection(jt.name).select(jt.joinColumn.name);
    if (cond.op === '$eq') q.where(jt.inverseJoinColumn.name, cond.ids as number);
    else q.whereIn(jt.inverseJoinColumn.name, cond.ids as number[]);
    joins.push({ id: { $in: q } });
  }
  if (!joins.length) return kept;
  const parts = [...(Object.keys(kept).length ? [kept] : []), ...joins];
  return parts.length === 1 ? parts[0] : { $and: parts };
}
