// Counters of the login throttle, in the database so that every instance behind a load
// balancer sees the same ones. One row per bucket (an account, a client address); each update
// is a single atomic upsert, so concurrent failures on several instances all count.
import type { Core } from '@strapi/strapi';

export const ATTEMPT_UID = 'api::login-attempt.login-attempt';

export interface Bucket { hits: number; windowStart: number; lockedUntil: number }

export function attemptStore(strapi: Core.Strapi) {
  const meta = () => {
    const m: any = strapi.db.metadata.get(ATTEMPT_UID);
    const col = (a: string) => m.attributes[a].columnName ?? a;
    return { table: m.tableName as string, bucket: col('bucket'), hits: col('hits'), start: col('windowStart'), locked: col('lockedUntil') };
  };
  const knex = () => strapi.db.connection;
  const toBucket = (r: any): Bucket | null => r && ({
    hits: Number(r.hits ?? 0), windowStart: Number(r.windowStart ?? 0), lockedUntil: Number(r.lockedUntil ?? 0),
  });

  return {
    /** The unique index the upsert needs (Strapi's `unique` is checked by the app, not the database). */
    async ensureIndex() {
      const t = meta();
      await knex().raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${t.table}_bucket_uniq ON ${t.table} (${t.bucket})`);
    },

    async read(keys: string[]): Promise<Map<string, Bucket>> {
      const t = meta();
      const rows = await knex()(t.table).whereIn(t.bucket, keys)
        .select({ key: t.bucket, hits: t.hits, windowStart: t.start, lockedUntil: t.locked });
      return new Map(rows.map((r: any) => [r.key, toBucket(r)!]));
    },

    /** Counts one hit in `key`'s window (a new window once `windowMs` has passed); returns the bucket. */
    async hit(key: string, windowMs: number, now = Date.now()): Promise<Bucket> {
      const t = meta();
      const cutoff = now - windowMs;
      const q = `INSERT INTO ${t.table} (${t.bucket}, ${t.hits}, ${t.start}, ${t.locked}) VALUES (?, 1, ?, 0)
        ON CONFLICT (${t.bucket}) DO UPDATE SET
          ${t.hits} = CASE WHEN ${t.table}.${t.start} < ? THEN 1 ELSE ${t.table}.${t.hits} + 1 END,
          ${t.start} = CASE WHEN ${t.table}.${t.start} < ? THEN ? ELSE ${t.table}.${t.start} END
        RETURNING ${t.hits} AS hits, ${t.start} AS "windowStart", ${t.locked} AS "lockedUntil"`;
      const res: any = await knex().raw(q, [key, now, cutoff, cutoff, now]);
      return toBucket(Array.isArray(res) ? res[0] : res.rows[0])!;
    },

    async lock(key: string, until: number) {
      const t = meta();
      await knex()(t.table).where(t.bucket, key).update({ [t.locked]: until });
    },

    async clear(key: string) {
      const t = meta();
      await knex()(t.table).where(t.bucket, key).del();
    },

    /** Drops rows whose window and lock are long over (rotating identifiers leave many). */
    async prune(olderThanMs: number, now = Date.now()) {
      const t = meta();
      await knex()(t.table).where(t.start, '<', now - olderThanMs).andWhere(t.locked, '<', now).del();
    },
  };
}
