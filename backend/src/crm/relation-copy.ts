// A to-one relation copied into a column of the record's own row (issue #16). Strapi keeps every
// relation in a link table, so "the team's records with status active, newest first" is a
// semi-join: its exact count matches every active row against the team's links (250 ms over
// 157k rows at a million leads), where a column beside `status` is counted in one index
// (`(owner_key, lead_status)`). A content type declares the copy as an integer attribute with
// `pluginOptions.crm.copyOf: "<relation>"` (private, hidden from the admin panel); triggers on the
// relation's link table keep it equal to the link on every path — our writes, Strapi's admin
// panel, a cascade when the linked user is deleted — so the link table stays the one truth and
// the column is its index. Bulk inserts (crm/bulk-write.ts) fill it with the row, so the trigger
// finds nothing to change.
import type { Core } from '@strapi/strapi';

export interface RelationCopy {
  /** the relation attribute (`owner`) and the copy attribute (`ownerKey`) */
  relation: string;
  attr: string;
  table: string;
  column: string;
  link: { table: string; record: string; target: string };
}

const byUid = new Map<string, RelationCopy[]>();

/** The copy attributes of content type `uid` (from its schema: usable before the database is up). */
export const copyAttributes = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(strapi.contentType(uid as any).attributes as Record<string, any>)
    .filter(([, a]) => a.pluginOptions?.crm?.copyOf).map(([attr]) => attr);

/** The copies content type `uid` declares, read once from Strapi's metadata. */
export function relationCopies(strapi: Core.Strapi, uid: string): RelationCopy[] {
  let found = byUid.get(uid);
  if (!found) {
    const meta: any = strapi.db.metadata.get(uid as any);
    const attrs = strapi.contentType(uid as any).attributes as Record<string, any>;
    found = Object.entries(attrs).flatMap(([attr, a]) => {
      const relation = a.pluginOptions?.crm?.copyOf;
      const jt = relation ? meta.attributes[relation]?.joinTable : undefined;
      if (!jt || /ToMany$/.test(attrs[relation].relation)) return [];
      return [{
        relation, attr, table: meta.tableName, column: meta.attributes[attr].columnName ?? attr,
        link: { table: jt.name, record: jt.joinColumn.name, target: jt.inverseJoinColumn.name },
      }];
    });
    byUid.set(uid, found);
  }
  return found;
}

export const copyOf = (strapi: Core.Strapi, uid: string, relation: string) =>
  relationCopies(strapi, uid).find((c) => c.relation === relation);

/** The link's current target for record `rec` (an SQL expression): the newest link, as Strapi's
 * `connect` inserts the new link before it deletes the old one. */
const current = (c: RelationCopy, rec: string) =>
  `(SELECT "${c.link.target}" FROM "${c.link.table}" WHERE "${c.link.record}" = ${rec} ORDER BY id DESC LIMIT 1)`;

function postgres(c: RelationCopy): string[] {
  const fn = `crm_copy_${c.table}_${c.column}`;
  const sync = (rec: string) =>
    `UPDATE "${c.table}" t SET "${c.column}" = v.k FROM (SELECT ${current(c, rec)} AS k) v WHERE t.id = ${rec} AND t."${c.column}" IS DISTINCT FROM v.k;`;
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF TG_OP <> 'DELETE' THEN ${sync(`NEW."${c.link.record}"`)} END IF;
       IF TG_OP <> 'INSERT' THEN ${sync(`OLD."${c.link.record}"`)} END IF;
       RETURN NULL; END $$`,
    `CREATE TRIGGER "${c.link.table}_copy" AFTER INSERT OR UPDATE OR DELETE ON "${c.link.table}" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

function sqlite(c: RelationCopy): string[] {
  const sync = (rec: string) =>
    `UPDATE "${c.table}" SET "${c.column}" = ${current(c, rec)} WHERE id = ${rec} AND "${c.column}" IS NOT ${current(c, rec)};`;
  return [
    `CREATE TRIGGER "${c.link.table}_copy_ins" AFTER INSERT ON "${c.link.table}" BEGIN ${sync(`NEW."${c.link.record}"`)} END`,
    `CREATE TRIGGER "${c.link.table}_copy_upd" AFTER UPDATE ON "${c.link.table}" BEGIN ${sync(`NEW."${c.link.record}"`)} ${sync(`OLD."${c.link.record}"`)} END`,
    `CREATE TRIGGER "${c.link.table}_copy_del" AFTER DELETE ON "${c.link.table}" BEGIN ${sync(`OLD."${c.link.record}"`)} END`,
  ];
}

/** Sets every row's copy from its link, in one statement per table (the first boot with a copy). */
function backfill(c: RelationCopy, pg: boolean): string {
  return pg
    // one hash join over both tables (a lookup per row took minutes at 2M rows)
    ? `UPDATE "${c.table}" t SET "${c.column}" = v.k FROM (SELECT r.id, l.k FROM "${c.table}" r LEFT JOIN (
         SELECT DISTINCT ON ("${c.link.record}") "${c.link.record}" AS rec, "${c.link.target}" AS k FROM "${c.link.table}" ORDER BY "${c.link.record}", id DESC
       ) l ON l.rec = r.id) v WHERE t.id = v.id AND t."${c.column}" IS DISTINCT FROM v.k`
    : `UPDATE "${c.table}" SET "${c.column}" = ${current(c, `"${c.table}".id`)}`;
}

/**
 * At boot: the triggers of every declared copy, created with a backfill of the column in one
 * transaction that locks the table against writes (a database from before the copy existed, or
 * one whose triggers were dropped). Later boots find the triggers and change nothing.
 */
export async function ensureRelationCopies(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const pg = strapi.db.dialect.client === 'postgres';
  for (const c of Object.keys(strapi.contentTypes).flatMap((uid) => relationCopies(strapi, uid))) {
    const name = pg ? `${c.link.table}_copy` : `${c.link.table}_copy_ins`;
    try {
      await knex.transaction(async (trx) => {
        const has = pg
          ? (await trx.raw('SELECT 1 FROM pg_trigger WHERE tgrelid = ?::regclass AND tgname = ?', [c.link.table, name])).rows.length
          : (await trx.raw("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name])).length;
        if (has) return;
        if (pg) await trx.raw(`LOCK TABLE "${c.link.table}", "${c.table}" IN SHARE ROW EXCLUSIVE MODE`);
        await trx.raw(backfill(c, pg));
        for (const sql of pg ? postgres(c) : sqlite(c)) await trx.raw(sql);
      });
    } catch (e: any) {
      strapi.log.error(`[crm] relation copy ${c.table}.${c.column}: ${e?.message ?? e}`);
    }
  }
}
