// The exact total of an unfiltered big list (an admin's leads: a million rows) without counting
// them on every page (issue #16): on PostgreSQL each counted table (`countedRows` on its resource)
// gets statement-level triggers that append the rows each INSERT / DELETE added or removed to
// crm_row_counts, seeded with count(*) when the triggers are installed. The total is the sum of
// the table's entries — committed writes only, so it is exact, not pg_class's estimate — and
// writers never wait on a shared counter row (each statement appends its own entry). A read that
// finds many entries folds them into one, in one statement. SQLite counts as before. A load that
// bypasses triggers (`ALTER TABLE … DISABLE TRIGGER ALL`) must reseed: drop `<table>_count_ins`
// and boot once (pg_restore is fine: it creates the triggers after the data, counts included).
import type { Core } from '@strapi/strapi';
import { resources } from './registry';
import type { ResourceDef } from './resource';
import { semiJoinCount } from './semi-join';

const COUNTS = 'crm_row_counts';
/** Entries of a table beyond which a read folds them into one. */
const FOLD_AT = 200;

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const tableOf = (strapi: Core.Strapi, uid: string): string => strapi.db.metadata.get(uid as any).tableName;

const FUNCTIONS = [
  `CREATE TABLE IF NOT EXISTS ${COUNTS} (tbl text NOT NULL, n bigint NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${COUNTS}_tbl ON ${COUNTS} (tbl)`,
  `CREATE OR REPLACE FUNCTION crm_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN INSERT INTO ${COUNTS} SELECT TG_TABLE_NAME, count(*) FROM crm_new_rows HAVING count(*) > 0; RETURN NULL; END $$`,
  `CREATE OR REPLACE FUNCTION crm_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN INSERT INTO ${COUNTS} SELECT TG_TABLE_NAME, -count(*) FROM crm_old_rows HAVING count(*) > 0; RETURN NULL; END $$`,
  `CREATE OR REPLACE FUNCTION crm_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN DELETE FROM ${COUNTS} WHERE tbl = TG_TABLE_NAME; INSERT INTO ${COUNTS} VALUES (TG_TABLE_NAME, 0); RETURN NULL; END $$`,
];

/** At boot, on PostgreSQL: the counter triggers of every counted table, seeded once. */
export async function ensureRowCounts(strapi: Core.Strapi) {
  if (!isPostgres(strapi)) return;
  const knex = strapi.db.connection;
  try {
    for (const sql of FUNCTIONS) await knex.raw(sql);
    for (const def of resources().filter((d) => d.countedRows)) {
      const table = tableOf(strapi, def.uid);
      await knex.transaction(async (trx) => {
        const has = await trx.raw('SELECT 1 FROM pg_trigger WHERE tgrelid = ?::regclass AND tgname = ?', [table, `${table}_count_ins`]);
        if (has.rows.length) return;
        // no write may land between the seed and the triggers
        await trx.raw(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
        await trx.raw(`DELETE FROM ${COUNTS} WHERE tbl = ?`, [table]);
        await trx.raw(`INSERT INTO ${COUNTS} SELECT ?, count(*) FROM "${table}"`, [table]);
        await trx.raw(`CREATE TRIGGER "${table}_count_ins" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS crm_new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_count_inserted()`);
        await trx.raw(`CREATE TRIGGER "${table}_count_del" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS crm_old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_count_deleted()`);
        await trx.raw(`CREATE TRIGGER "${table}_count_trunc" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION crm_count_truncated()`);
        // ALWAYS: bulk loads in `session_replication_role = replica` (database/generate.ts) count too
        for (const t of ['ins', 'del', 'trunc']) await trx.raw(`ALTER TABLE "${table}" ENABLE ALWAYS TRIGGER "${table}_count_${t}"`);
      });
    }
  } catch (e: any) {
    strapi.log.error(`[crm] row counters: ${e?.message ?? e}`);
  }
}

async function counted(strapi: Core.Strapi, table: string): Promise<number | undefined> {
  const knex = strapi.db.connection;
  const { rows: [row] } = await knex.raw(`SELECT sum(n)::bigint AS n, count(*)::int AS parts FROM ${COUNTS} WHERE tbl = ?`, [table]);
  if (!row || row.parts === 0) return undefined; // not installed (yet): count the table
  if (row.parts > FOLD_AT) {
    await knex.raw(`WITH gone AS (DELETE FROM ${COUNTS} WHERE tbl = ? RETURNING n) INSERT INTO ${COUNTS} SELECT ?, sum(n) FROM gone HAVING count(*) > 0`, [table, table]);
  }
  return Number(row.n);
}

/**
 * The exact total of `def`'s list under `filters`, the cheapest way: from the counter when
 * nothing filters it, from the link table when only the owner scope does (crm/semi-join.ts),
 * else `count()` (the Document Service's count of the same filters).
 */
export async function exactTotal(strapi: Core.Strapi, def: ResourceDef, filters: Record<string, unknown>, count: () => Promise<number>): Promise<number> {
  if (!def.countedRows || !isPostgres(strapi) || strapi.db.inTransaction()) return count();
  const n = Object.keys(filters).length ? await semiJoinCount(strapi, filters) : await counted(strapi, tableOf(strapi, def.uid));
  return n ?? count();
}
