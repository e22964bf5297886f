// A cheap "has this table changed?" read: row count, newest update and (optionally) the sum of
// versions. Caches of small configuration tables (roles, custom fields, the callers) compare it on
// each use, so a change written by any instance is seen by all at once, without messages between
// them. A read request (GET, HEAD) reads every stamp once, all of them in one query: the first
// ask reads every stamp this instance knows, later asks in the same request answer from that read
// (issue #16: three round trips a request became one). A write request, and anything inside a
// transaction, reads the one stamp asked for, when asked: its own writes move them.
import type { Core } from '@strapi/strapi';
import { inCurrentTransaction } from './row-read';

/** key → a scalar SQL expression of the stamp (text) */
const known = new Map<string, string>();
const perRequest = new WeakMap<object, Promise<Map<string, string>>>();

const READS = new Set(['GET', 'HEAD']);

async function readAll(strapi: Core.Strapi, entries: [string, string][]): Promise<Map<string, string>> {
  const sql = `SELECT ${entries.map(([, expr], i) => `${expr} AS s${i}`).join(', ')}`;
  const res: any = await inCurrentTransaction(strapi, (trx) => (trx ? strapi.db.connection.raw(sql).transacting(trx) : strapi.db.connection.raw(sql)));
  const row = (res.rows ?? res)[0] ?? {};
  return new Map(entries.map(([key], i) => [key, String(row[`s${i}`])]));
}

/** The current value of stamp `key`, whose SQL is `expr` (a parenthesized scalar subquery). */
export async function stampOf(strapi: Core.Strapi, key: string, expr: string): Promise<string> {
  known.set(key, expr);
  const ctx: any = (strapi as any).requestContext?.get?.();
  if (ctx && READS.has(ctx.method) && !strapi.db.inTransaction()) {
    let all = perRequest.get(ctx);
    if (!all) perRequest.set(ctx, (all = readAll(strapi, [...known])));
    const got = (await all).get(key);
    if (got !== undefined) return got;
  }
  return (await readAll(strapi, [[key, expr]])).get(key)!;
}

export function tableStamp(strapi: Core.Strapi, uid: string, opts: { versions?: boolean } = {}): Promise<string> {
  const table = strapi.db.metadata.get(uid as any).tableName;
  const versions = opts.versions ? ` || ':' || coalesce(CAST(sum(version) AS TEXT), '')` : '';
  return stampOf(strapi, `${uid}${opts.versions ? ':v' : ''}`, `(SELECT count(*) || ':' || coalesce(CAST(max(updated_at) AS TEXT), '')${versions} FROM "${table}")`);
}
