// Reads records for lists and single views through Strapi's query engine rather than the Document
// Service (issue #16: the per-request cost). The Document Service wraps every read in a
// transaction (BEGIN and COMMIT round trips, a pooled connection held throughout), re-validates
// and re-traverses the parameters, and fetches each relation with its own query joined to the
// target table. A record here only needs its related ids (plus a few named fields for some):
// they come from the link tables, every relation of the page in one UNION ALL. Same rows, same
// relation ids as the Document Service's `populate: { rel: { fields: ['id'] } }`
// (tests/api/row-read.test.ts compares them on every resource). Generic: metadata only.
import type { Core } from '@strapi/strapi';
import { liftRowConditions, type RowCondition } from './row-condition';

/** Runs a knex query in the caller's transaction when there is one (SQLite has one connection). */
export function inCurrentTransaction<T>(strapi: Core.Strapi, read: (trx?: any) => Promise<T>): Promise<T> {
  return strapi.db.inTransaction() ? (strapi.db.transaction(({ trx }: any) => read(trx)) as Promise<T>) : read();
}

export interface Relation { attr: string; many: boolean; fields?: string[] }
interface Link { attr: string; table: string; own: string; other: string; order?: string; many: boolean }

export interface ReadParams { where: Record<string, unknown>; orderBy?: unknown; offset?: number; limit?: number }

export function rowReader(strapi: Core.Strapi, uid: string, relations: () => Relation[]) {
  let plan: { links: Link[]; populate: Record<string, { select: string[] }> } | undefined;
  const planned = () => {
    if (plan) return plan;
    const attributes: Record<string, any> = (strapi.db.metadata.get(uid as any) as any).attributes;
    const links: Link[] = [];
    const populate: Record<string, { select: string[] }> = {};
    for (const r of relations()) {
      const jt = attributes[r.attr]?.joinTable;
      // named fields of the related record, or a relation without a plain link table: Strapi's populate
      if (r.fields?.length || !jt || jt.on || jt.morphColumn) populate[r.attr] = { select: ['id', ...(r.fields ?? [])] };
      else links.push({ attr: r.attr, table: jt.name, own: jt.joinColumn.name, other: jt.inverseJoinColumn.name, order: jt.orderColumnName, many: r.many });
    }
    return (plan = { links, populate });
  };

  /** Sets each row's linked ids as `{ id }` (or a list of them), as a populate would. */
  async function attach(rows: any[]) {
    const { links } = planned();
    if (!rows.length || !links.length) return rows;
    const ids = rows.map((r) => r.id);
    const parts = links.map((l, i) => {
      const q = strapi.db.connection(l.table)
        .select(strapi.db.connection.raw('? AS a', [i]), `${l.own} AS s`, `${l.other} AS t`, strapi.db.connection.raw(`${l.order ? `"${l.order}"` : 'NULL'} AS o`), 'id')
        .whereIn(l.own, ids);
      return q;
    });
    const union = parts.slice(1).reduce((q, p) => q.unionAll(p), parts[0]);
    const got: any[] = await inCurrentTransaction(strapi, (trx) => (trx ? union.transacting(trx) : union));
    // many-links in their stored order, as Strapi's populate orders them
    got.sort((x, y) => (Number(x.o) || 0) - (Number(y.o) || 0) || Number(x.id) - Number(y.id));
    const byRow = new Map(rows.map((r) => [Number(r.id), r]));
    for (const r of rows) for (const l of links) r[l.attr] = l.many ? [] : null;
    for (const g of got) {
      const l = links[Number(g.a)];
      const row = byRow.get(Number(g.s));
      if (!row) continue;
      if (l.many) row[l.attr].push({ id: Number(g.t) });
      else row[l.attr] = { id: Number(g.t) };
    }
    return rows;
  }

  const query = () => strapi.db.query(uid as any);
  /** The ids the query engine selects for `params`, with `raw` applied to the row (`t0`). */
  const idsSql = (params: Record<string, unknown>, raw: RowCondition[]) => {
    const q = (strapi.db as any).queryBuilder(uid).init({ ...params, select: ['id'] }).getKnexQuery();
    for (const r of raw) q.whereRaw(r.sql, r.bindings);
    return q;
  };
  return {
    async many(p: ReadParams): Promise<any[]> {
      const { where, raw } = liftRowConditions(p.where);
      if (raw.length) {
        // the page's ids with the conditions on the row, then those rows
        const q = idsSql({ ...p, where }, raw);
        const got: any[] = await inCurrentTransaction(strapi, (trx) => (trx ? q.transacting(trx) : q));
        return this.byIds(got.map((r) => Number(r.id)));
      }
      const { populate } = planned();
      const rows = await query().findMany({ ...p, ...(Object.keys(populate).length ? { populate } : {}) } as any);
      return attach(rows as any[]);
    },
    async one(where: Record<string, unknown>): Promise<any | null> {
      const [row] = await this.many({ where, limit: 1 });
      return row ?? null;
    },
    /** The rows with these ids, in this order. */
    async byIds(ids: number[]): Promise<any[]> {
      if (!ids.length) return [];
      const rows = await this.many({ where: { id: { $in: ids } } });
      const at = new Map(ids.map((id, i) => [id, i]));
      return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
    },
    /**
     * The exact number of rows matching `where`, as count(*) over the ids the query engine selects
     * (DISTINCT when its joins need it). The engine's own count is count(t0.id): with a filter on an
     * indexed column that reads every matching row's heap tuple for its id, where count(*) counts
     * the filter's index alone (600k active leads of a million: an index-only scan).
     */
    async count(filters: Record<string, unknown>): Promise<number> {
      const { where, raw } = liftRowConditions(filters);
      const ids = idsSql({ where }, raw);
      const q = strapi.db.connection.count({ n: '*' }).from(ids.as('counted'));
      const [row]: any[] = await inCurrentTransaction(strapi, (trx) => (trx ? q.transacting(trx) : q));
      return Number(row?.n ?? 0);
    },
  };
}
