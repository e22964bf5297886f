// `q` at a million records on PostgreSQL (issue #16). Each resource with `searchTokens` gets a
// token table `<table>_search_tokens (token, record_id, sort_at, owner_id, pooled)`: every
// distinct 2- and 3-character substring of its lowercased `search` columns
// (crm_search_tokens(), database/indexes/013_search_tokens.postgres.sql), with the record's
// creation time, owner and pool flag. A one-word `q` of 2 or 3 characters is then one range of
// the btree (token, sort_at DESC, record_id DESC) INCLUDE (owner_id, pooled): the page is its
// first rows and the exact total its length, both index-only, and the owner scope is a filter
// on the included columns. The GIN bigram index (search-index.ts) still serves `q` combined
// with other filters, longer words and several words.
// Kept exact by the write paths: the write middleware (rules.ts) calls syncSearchTokens after
// writing, bulk creates (bulk-write.ts) addSearchTokens (a new record has none to delete); an
// empty token table is filled at boot, and a bulk loader refills it from crm_search_sources
// (database/search-tokens.ts). Generic: built from each resource's descriptor and Strapi's
// metadata. SQLite keeps LIKE.
import type { Core } from '@strapi/strapi';
import { resources } from './registry';
import type { ResourceDef } from './resource';

interface Source {
  uid: string;
  /** the token table */
  tbl: string;
  /** attributes whose change rewrites a record's tokens */
  attrs: string[];
  owner?: string;
  pool?: string;
  /** INSERT … SELECT of the tokens of the records matching `ids` (`?` takes an int[]), or all */
  fill: (ids: boolean) => string;
  indexes: { name: string; sql: string }[];
}

const sources = new Map<string, Source>();
const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const ident = (s: string) => /^[a-z_][a-z0-9_]*$/.test(s);

export const tokenTableOf = (table: string) => `${table}_search_tokens`.slice(0, 63);

/** The token source of `def`, or undefined where none can be made (no columns, no table). */
function sourceOf(strapi: Core.Strapi, def: ResourceDef): Source | undefined {
  if (!def.searchTokens || !def.search?.length) return undefined;
  const meta: any = strapi.db.metadata.get(def.uid as any);
  const attrs = def.search.map((api) => def.rename?.[api] ?? api);
  const cols = attrs.map((a) => meta.attributes[a]?.columnName as string | undefined);
  const created = meta.attributes.createdAt?.columnName as string | undefined;
  if (!cols.every((c) => c && ident(c)) || !created || !ident(meta.tableName)) return undefined;
  const own = def.owner ? meta.attributes[def.owner]?.joinTable : undefined;
  const pool = def.pool ? (meta.attributes[def.pool]?.columnName as string | undefined) : undefined;
  const tbl = tokenTableOf(meta.tableName);
  const text = cols.map((c) => `coalesce(CAST(t."${c}" AS text), '')`).join(` || ' ' || `);
  // the owner looked up once per record, before its tokens are expanded
  const owner = own
    ? ` LEFT JOIN LATERAL (SELECT l."${own.inverseJoinColumn.name}" AS id FROM "${own.name}" l WHERE l."${own.joinColumn.name}" = t.id LIMIT 1) o ON true`
    : ' LEFT JOIN LATERAL (SELECT NULL::int AS id) o ON true';
  const fill = (ids: boolean) =>
    `INSERT INTO "${tbl}" (token, record_id, sort_at, owner_id, pooled) SELECT k, t.id, t."${created}", o.id, ${pool ? `coalesce(t."${pool}", false)` : 'false'}
     FROM "${meta.tableName}" t${owner}, LATERAL crm_search_tokens(${text}) k${ids ? ' WHERE t.id = ANY(?::int[])' : ''}`;
  const name = (suffix: string) => `${tbl.slice(0, 50)}_${suffix}`;
  return {
    uid: def.uid, tbl, owner: own ? def.owner : undefined, pool: pool ? def.pool : undefined,
    attrs: [...attrs, 'createdAt', ...(own ? [def.owner!] : []), ...(pool ? [def.pool!] : [])],
    fill,
    indexes: [
      { name: name('page'), sql: `CREATE INDEX IF NOT EXISTS "${name('page')}" ON "${tbl}" (token, sort_at DESC, record_id DESC) INCLUDE (owner_id, pooled)` },
      { name: name('record'), sql: `CREATE INDEX IF NOT EXISTS "${name('record')}" ON "${tbl}" (record_id)` },
    ],
  };
}

/** Drops the indexes of `s`, empties and refills its table, rebuilds the indexes: a bulk load's order. */
export async function refill(raw: (sql: string, params?: unknown[]) => Promise<unknown>, s: { tbl: string; fill: string; indexes: { name: string; sql: string }[] }) {
  for (const i of s.indexes) await raw(`DROP INDEX IF EXISTS "${i.name}"`);
  await raw(`TRUNCATE "${s.tbl}"`);
  await raw(s.fill);
  for (const i of s.indexes) await raw(i.sql);
  await raw(`ANALYZE "${s.tbl}"`);
}

/** At boot, on PostgreSQL: every token table, its indexes and recipe, filled when empty. */
export async function ensureSearchTokens(strapi: Core.Strapi) {
  if (!isPostgres(strapi)) return;
  const knex = strapi.db.connection;
  for (const def of resources()) {
    const s = sourceOf(strapi, def);
    if (!s) continue;
    try {
      const table = (strapi.db.metadata.get(def.uid as any) as any).tableName;
      // C collation: tokens are only compared for equality, byte-wise
      await knex.raw(`CREATE TABLE IF NOT EXISTS "${s.tbl}" (token text COLLATE "C" NOT NULL, record_id int NOT NULL, sort_at timestamptz, owner_id int, pooled boolean NOT NULL DEFAULT false)`);
      const fill = s.fill(false);
      await knex.raw(`INSERT INTO crm_search_sources (tbl, fill, indexes) VALUES (?, ?, ?::jsonb) ON CONFLICT (tbl) DO UPDATE SET fill = excluded.fill, indexes = excluded.indexes`,
        [s.tbl, fill, JSON.stringify(s.indexes)]);
      const filled = await knex.transaction(async (trx) => {
        // no write may land between the fill and the first synced write
        await trx.raw(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
        const empty = !(await trx.raw(`SELECT 1 FROM "${s.tbl}" LIMIT 1`)).rows.length;
        const records = (await trx.raw(`SELECT 1 FROM "${table}" LIMIT 1`)).rows.length > 0;
        if (empty && records) {
          strapi.log.info(`[crm] filling ${s.tbl} from ${table}`);
          // tens of millions of tokens at a million records: sort them for the index in memory
          await trx.raw(`SET LOCAL maintenance_work_mem = '512MB'`);
          await refill((sql, p) => trx.raw(sql, p as any), { ...s, fill });
          return true;
        }
        for (const i of s.indexes) await trx.raw(i.sql);
        return false;
      });
      // the visibility map, outside the transaction: without it the token index's count of a
      // common word visits every row's page (customers, 万科, 20k rows: 342 ms, not 5)
      if (filled) await knex.raw(`VACUUM "${s.tbl}"`);
      sources.set(def.uid, s);
    } catch (e: any) {
      strapi.log.error(`[crm] search tokens of ${def.name}: ${e?.message ?? e}`);
    }
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Rewrites the tokens of records `ids` of `uid` from their saved rows (none left for a deleted
 * one), in the write's transaction `trx`. `before`/`after`: skipped when neither the search
 * columns nor the owner, pool flag or creation time changed.
 */
export async function syncSearchTokens(trx: any, uid: string, ids: number[], before?: Record<string, any> | null, after?: Record<string, any> | null) {
  const s = sources.get(uid);
  if (!s || !ids.length) return;
  if (before && after && s.attrs.every((a) => same(before[a], after[a]))) return;
  await trx.raw(`DELETE FROM "${s.tbl}" WHERE record_id = ANY(?::int[])`, [ids]);
  await addSearchTokens(trx, uid, ids);
}

/**
 * Writes the tokens of records `ids` of `uid` just created in `trx` (a bulk create): a new
 * record has none to delete first, its id never having been used.
 */
export async function addSearchTokens(trx: any, uid: string, ids: number[]) {
  const s = sources.get(uid);
  if (!s || !ids.length) return;
  await trx.raw(s.fill(true), [ids]);
}

/** Staff ids the scope limits a list to (`owner` in them, or in the pool), or null for everything; undefined: not a shape served here. */
function scopeShape(s: Source, scope: Record<string, unknown> | null): { ids: number[]; pool: boolean } | null | undefined {
  if (scope === null) return null;
  const ownerIds = (f: any): number[] | undefined => {
    const keys = f && typeof f === 'object' ? Object.keys(f) : [];
    if (!s.owner || keys.length !== 1 || keys[0] !== s.owner) return undefined;
    const c = f[s.owner]?.id;
    const ops = c && typeof c === 'object' ? Object.keys(c) : [];
    if (ops.length !== 1) return undefined;
    const v = ops[0] === '$eq' ? [c.$eq] : ops[0] === '$in' ? c.$in : undefined;
    return Array.isArray(v) && v.length && v.every((x) => Number.isSafeInteger(x)) ? v : undefined;
  };
  const direct = ownerIds(scope);
  if (direct) return { ids: direct, pool: false };
  const or = (scope as any).$or;
  if (Object.keys(scope).length !== 1 || !Array.isArray(or) || or.length !== 2 || !s.pool) return undefined;
  const ids = ownerIds(or[0]);
  const p = or[1];
  const poolOnly = p && Object.keys(p).length === 1 && p[s.pool]?.$eq === true && Object.keys(p[s.pool]).length === 1;
  return ids && poolOnly ? { ids, pool: true } : undefined;
}

export interface TokenList {
  word: string;
  dir: 'asc' | 'desc';
  start: number;
  limit: number;
  /** the caller's visibility filter, before it becomes a semi-join */
  scope: Record<string, unknown> | null;
}

/**
 * The page's record ids and the exact total of a one-word `q` of 2 or 3 characters sorted by
 * creation time, read from the token table; undefined where it does not serve the list (then
 * the list takes its usual path). Same rows as `$containsi` on each search column: the word is
 * in a column exactly when it is one of the column's lowercased substrings of its length.
 */
export async function tokenList(strapi: Core.Strapi, uid: string, q: TokenList, withTotal: boolean): Promise<{ ids: number[]; total: number } | undefined> {
  const s = sources.get(uid);
  const n = [...q.word].length;
  if (!s || n < 2 || n > 3 || /\s/.test(q.word) || strapi.db.inTransaction()) return undefined;
  const vis = scopeShape(s, q.scope);
  if (vis === undefined) return undefined;
  const knex = strapi.db.connection;
  const params: unknown[] = [q.word];
  let where = 'token = lower(?)';
  if (vis) {
    where += ` AND (owner_id = ANY(?::int[])${vis.pool ? ' OR pooled' : ''})`;
    params.push(vis.ids);
  }
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const [page, count] = await Promise.all([
    knex.raw(`SELECT record_id FROM "${s.tbl}" WHERE ${where} ORDER BY sort_at ${dir}, record_id ${dir} LIMIT ? OFFSET ?`, [...params, q.limit, q.start]),
    withTotal ? knex.raw(`SELECT count(*)::int AS n FROM "${s.tbl}" WHERE ${where}`, params) : Promise.resolve({ rows: [{ n: -1 }] }),
  ]);
  return { ids: page.rows.map((r: any) => Number(r.record_id)), total: Number(count.rows[0].n) };
}
