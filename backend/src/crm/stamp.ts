// A cheap "has this table changed?" read: row count, newest update and (optionally) the sum of
// versions. Caches of small configuration tables (roles, custom fields) compare it on each use, so
// a change written by any instance is seen by all at once, without messages between them.
import type { Core } from '@strapi/strapi';

export async function tableStamp(strapi: Core.Strapi, uid: string, opts: { versions?: boolean } = {}): Promise<string> {
  const table = strapi.db.metadata.get(uid as any).tableName;
  const read = (trx?: any) => {
    let q: any = strapi.db.getConnection(table);
    if (trx) q = q.transacting(trx);
    q = q.count({ n: '*' }).max({ m: 'updated_at' });
    if (opts.versions) q = q.sum({ v: 'version' });
    return q.first();
  };
  // Inside a write, join its transaction: SQLite has one connection, a second would wait forever.
  const row: any = await (strapi.db.inTransaction() ? strapi.db.transaction(({ trx }) => read(trx)) : read());
  return `${row?.n}:${row?.m instanceof Date ? row.m.getTime() : row?.m}:${row?.v ?? ''}`;
}
