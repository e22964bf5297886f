// greetings: birthday and holiday wishes to customers by SMS and email. Opt-outs and quiet
// hours are dispatch's to apply (the row is kept as `skipped`, so the UI can say why).
// The database does the whole job: for each range of customer ids, one INSERT … SELECT picks the
// due customers (a birthday today, or everyone active on a holiday: due.ts#greetingOccasions),
// renders the greeting (the template compiled to a concatenation) and queues it with its dedupe key
// (batch.ts#enqueueSelect). No customer is read into Node: 200k customers used to cost ~170 MB of
// heap and most of the run's time going through JS and back as JSON.
import { enqueueSelect } from '../../message/batch';
import { templateParts } from '../../message/template';
import { greetingOccasions, localDate, type Occasion } from './due';
import type { JobContext } from '../scheduler';

/** customer ids per statement: one transaction each, so a long run commits as it goes, and its sorts fit in work_mem */
const RANGE = 20000;
/** statements under way at once on PostgreSQL: the machine's two cores */
const WORKERS = 2;
const CUSTOMER = 'api::customer.customer';

export async function greetings({ now, tz }: JobContext) {
  const today = localDate(tz, now);
  const holidays: any[] = await strapi.db.query('api::holiday.holiday' as any).findMany({ where: { date: today, active: true } });
  const occasions = greetingOccasions(holidays, today);
  const sql = customerSql();
  let count = 0;
  for (const o of occasions) {
    const w = sql.due(o);
    const [row] = await sql.rows(`SELECT count(*) AS n FROM ${sql.table} c WHERE ${w.sql}`, w.bindings);
    count += Number(row.n);
  }
  const [ids] = await sql.rows(`SELECT min(id) AS lo, max(id) AS hi FROM ${sql.table}`, []);
  let tried = 0;
  let queued = 0;
  // an empty table has no min: no range
  let next = Number(ids.lo ?? 1) - 1;
  const last = Number(ids.hi ?? 0);
  const worker = async () => {
    while (next < last) {
      const after = next;
      next += RANGE;
      const branches = occasions.flatMap((o) => (['sms', 'email'] as const).map((channel) => sql.greeting(o, channel, today, after, after + RANGE)));
      const r = await enqueueSelect({ sql: branches.map((b) => b.sql).join('\nUNION ALL\n'), bindings: branches.flatMap((b) => b.bindings) }, now);
      tried += r.tried;
      queued += r.queued;
    }
  };
  // the insert is the database's work (index upkeep, foreign-key checks): on PostgreSQL two
  // connections do it on two cores; SQLite has one writer
  await Promise.all(Array.from({ length: sql.pg ? WORKERS : 1 }, worker));
  return { greetings: count, queued, duplicates: tried - queued };
}

/** SQL over the customers table (`c`), in its column names, on PostgreSQL or SQLite. */
function customerSql() {
  const meta: any = strapi.db.metadata.get(CUSTOMER as any);
  const col = (a: string) => `c."${meta.attributes[a].columnName ?? a}"`;
  const pg = strapi.db.dialect.client === 'postgres';
  const t = pg ? '::text' : '';
  // birthdays as YYYY-MM-DD text: a date on PostgreSQL, stored as that text on SQLite
  const birthday = pg ? `to_char(${col('birthday')}, 'YYYY-MM-DD')` : col('birthday');
  const knex = strapi.db.connection;
  const rows = async (q: string, bindings: unknown[]): Promise<any[]> => {
    const res: any = await knex.raw(q, bindings as any);
    return pg ? res.rows : res;
  };
  /** active customers greeted on occasion `o` */
  const due = (o: Occasion) => ({
    // `<>` leaves out customers without a type, as the query builder's whereNot did
    sql: `${col('type')} <> 'inactive'${o.birthdays ? ` AND substr(${birthday}, 6, 5) IN (${o.birthdays.map(() => `?${t}`).join(', ')})` : ''}`,
    bindings: o.birthdays ?? [],
  });
  /** the template rendered in SQL: render() with { name, festival }, any other placeholder empty */
  const body = (o: Occasion) => {
    const parts = templateParts(o.template).map((p) => {
      if (typeof p === 'string') return { sql: `?${t}`, bindings: [p] };
      if (p.key === 'name') return { sql: `COALESCE(${col('name')}, '')`, bindings: [] };
      return { sql: `?${t}`, bindings: [p.key === 'festival' ? o.festival : ''] };
    });
    return parts.length ? { sql: parts.map((p) => p.sql).join(' || '), bindings: parts.flatMap((p) => p.bindings) } : { sql: "''", bindings: [] };
  };
  /** the SELECT of occasion `o`'s messages on `channel` to customers with id in (after, upto] */
  const greeting = (o: Occasion, channel: 'sms' | 'email', today: string, after: number, upto: number) => {
    const to = col(channel === 'sms' ? 'mobile' : 'email');
    const b = body(o);
    const d = due(o);
    return {
      sql: `SELECT c.id AS customer_id, ?${t} AS channel, ${to} AS "to", ${channel === 'email' ? `?${t}` : `CAST(NULL AS text)`} AS subject,
        ${b.sql} AS body, 'greeting' AS purpose, ?${t} || c.id || ?${t} AS dedupe_key
        FROM ${meta.tableName} c WHERE c.id > ? AND c.id <= ? AND ${d.sql} AND ${to} IS NOT NULL AND ${to} <> ''`,
      bindings: [channel, ...(channel === 'email' ? [`${o.festival}祝福`] : []), ...b.bindings, 'greeting:', `:${o.occasion}:${today}:${channel}`, after, upto, ...d.bindings],
    };
  };
  return { table: meta.tableName as string, pg, rows, due, greeting };
}
