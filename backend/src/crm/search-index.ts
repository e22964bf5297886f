// `q` served by an index on PostgreSQL: a GIN index on the 2-character tokens (bigrams) of a
// resource's search columns, through crm_bigrams() (database/indexes/011_search_bigrams.postgres.sql).
// The expression is built here from the resource's `search` fields, for both the index and the
// query, so the two always match. SQLite keeps LIKE (its FTS5 trigram tokenizer cannot index 2
// characters either).
import type { Core } from '@strapi/strapi';
import { resources } from './registry';
import type { ResourceDef } from './resource';
import { rowCondition } from './row-condition';

/** Distinct overlapping 2-character tokens of a lowercased word, as crm_bigrams() makes them. Pure. */
export function bigrams(word: string): string[] {
  const chars = [...word.toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const b = chars[i] + chars[i + 1];
    if (!/\s/.test(b)) out.add(b);
  }
  return [...out];
}

/** The content-type attributes behind a resource's `search` (API) fields. */
export const searchAttributes = (def: ResourceDef) => (def.search ?? []).map((api) => def.rename?.[api] ?? api);

/** The attributes a bigram index serves for `def`: none when the resource opts out. */
export const indexedSearchAttributes = (def: ResourceDef) => (def.searchIndexed === false ? [] : searchAttributes(def));

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** The columns of attributes `attrs`, or undefined when one has none (then no index). */
function columnsOf(strapi: Core.Strapi, uid: string, attrs: string[]): string[] | undefined {
  const meta: any = strapi.db.metadata.get(uid as any);
  const cols = attrs.map((a) => meta.attributes[a]?.columnName as string | undefined);
  return cols.length && cols.every((c) => c && /^[a-z_][a-z0-9_]*$/.test(c)) ? (cols as string[]) : undefined;
}

// `||` rather than concat_ws, which is only STABLE: an index expression must be IMMUTABLE. The
// planner matches a query's expression to the index's whatever the columns' qualifier (`alias`).
export const searchExpression = (columns: string[], alias?: string) =>
  `crm_bigrams(${columns.map((c) => `coalesce(${alias ? `"${alias}".` : ''}"${c}", '')`).join(` || ' ' || `)})`;

/** At boot, on PostgreSQL: the bigram index of every resource with search fields. */
export async function ensureSearchIndexes(strapi: Core.Strapi) {
  if (!isPostgres(strapi)) return;
  for (const def of resources()) {
    const cols = def.search?.length ? columnsOf(strapi, def.uid, indexedSearchAttributes(def)) : undefined;
    const table = strapi.db.metadata.get(def.uid as any).tableName;
    // an opted-out resource loses the index an earlier version created (it slowed every insert)
    if (def.searchIndexed === false) await strapi.db.connection.raw(`DROP INDEX IF EXISTS "${`${table}_search_bigrams`.slice(0, 63)}"`);
    if (!cols) continue;
    try {
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS "${`${table}_search_bigrams`.slice(0, 63)}" ON "${table}" USING gin (${searchExpression(cols)})`);
    } catch (e: any) {
      strapi.log.error(`[crm] search index on ${table}: ${e?.message ?? e}`);
    }
  }
}

/**
 * The record filter for one `q` word, or undefined where no index serves it (SQLite, a
 * 1-character word): `<bigrams> @> <the word's bigrams> [AND LIKE]` on the row (row-condition.ts).
 * A 2-character word (no whitespace) is in a column exactly when its one bigram is; a longer one is
 * rechecked with LIKE in the same condition, so the planner reads the GIN index and checks only
 * its candidates. Same rows as `$containsi` on each column (the word matched literally).
 */
export function searchIndex(strapi: Core.Strapi, uid: string, attrs: string[]) {
  const cols = isPostgres(strapi) ? columnsOf(strapi, uid, attrs) : undefined;
  return (word: string): Record<string, unknown> | undefined => {
    const tokens = bigrams(word);
    if (!cols || !tokens.length) return undefined;
    const table = strapi.db.metadata.get(uid as any).tableName;
    let sql = `${searchExpression(cols, 't0')} @> ?::text[]`;
    const bindings: unknown[] = [tokens];
    if ([...word].length > 2 || tokens.length > 1) {
      const like = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      sql += ` AND (${cols.map((c) => `lower("t0"."${c}") LIKE ? ESCAPE '\\'`).join(' OR ')})`;
      bindings.push(...cols.map(() => like));
    }
    return rowCondition(strapi, table, sql, bindings);
  };
}
