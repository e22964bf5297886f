// reminders: today's follow-up digest per owner and overdue alerts to owners and supervisors,
// each as an in-app notification and, for staff with an email, an email; queued once per day.
// The database counts each owner's planned follow-ups and hands over only the first
// DIGEST_LINES of each kind (a window function), so 200k planned follow-ups never sit in memory.
import { enqueueMany } from '../../message/batch';
import type { NewMessage } from '../../message/outbox';
import { dayBounds, DIGEST_LINES, remindersDue, type Planned, type PlannedTotals, type StaffRef } from './due';
import type { JobContext } from '../scheduler';

const INTERACTION = 'api::interaction.interaction';

export async function reminders({ now, tz }: JobContext) {
  const [start, end] = dayBounds(tz, now);
  const totals: PlannedTotals = new Map();
  const items = new Map<number, Planned>();
  for (const kind of ['today', 'overdue'] as const) {
    for (const r of await firstPlanned(kind === 'today' ? [start, end] : [null, now])) {
      items.set(r.id, { id: r.id, ownerId: r.ownerId, start: r.start, subject: r.subject, customer: r.customer });
      totals.set(r.ownerId, { ...(totals.get(r.ownerId) ?? { today: 0, overdue: 0 }), [kind]: r.total });
    }
  }
  const users: any[] = await strapi.db.query('plugin::users-permissions.user' as any).findMany({
    select: ['id', 'displayName', 'username', 'email', 'blocked'], populate: { supervisor: { select: ['id'] } },
  });
  const staff = new Map<number, StaffRef & { email?: string; blocked?: boolean }>(
    users.map((u) => [u.id, { id: u.id, supervisorId: u.supervisor?.id ?? null, name: u.displayName ?? u.username, email: u.email, blocked: u.blocked }]),
  );
  const digests = remindersDue([...items.values()], staff, now, tz, totals).filter((d) => !staff.get(d.staffId)?.blocked);
  const msgs: NewMessage[] = [];
  for (const d of digests) {
    const to = staff.get(d.staffId)?.email;
    const base = { subject: d.title, body: d.body, purpose: 'reminder' as const, staff: d.staffId, linkResource: 'interactions' };
    msgs.push({ ...base, channel: 'inapp', dedupeKey: d.key });
    if (to) msgs.push({ ...base, channel: 'email', to, dedupeKey: `${d.key}:email` });
  }
  const { queued, duplicates } = await enqueueMany(msgs, now);
  return { digests: digests.length, queued, duplicates };
}

/**
 * Planned follow-ups with an owner starting in [from, to) (from null: any time before `to`):
 * each owner's first DIGEST_LINES by start, each row with its owner's total.
 */
async function firstPlanned([from, to]: [Date | null, Date]) {
  const meta: any = strapi.db.metadata.get(INTERACTION as any);
  const customers: any = strapi.db.metadata.get('api::customer.customer' as any);
  const col = (a: string) => meta.attributes[a].columnName ?? a;
  const owner = meta.attributes.owner.joinTable;
  const customer = meta.attributes.customer.joinTable;
  const pg = strapi.db.dialect.client === 'postgres';
  // SQLite stores datetimes as epoch milliseconds through knex; PostgreSQL as timestamps
  const t = (d: Date) => (pg ? d.toISOString() : d.getTime());
  const st = `i.${col('start')}`;
  // the customer's name is joined to the kept rows only (≤ DIGEST_LINES per owner), not to every
  // planned follow-up before the window picks them: half the time at 200k follow-ups
  const sql = `SELECT x.*, c.${customers.attributes.name.columnName} AS customer FROM (
      SELECT i.id, ${st} AS start, i.${col('subject')} AS subject, o.${owner.inverseJoinColumn.name} AS owner_id,
        ROW_NUMBER() OVER (PARTITION BY o.${owner.inverseJoinColumn.name} ORDER BY ${st}, i.id) AS n,
        COUNT(*) OVER (PARTITION BY o.${owner.inverseJoinColumn.name}) AS total
      FROM ${meta.tableName} i
      JOIN ${owner.name} o ON o.${owner.joinColumn.name} = i.id
      WHERE i.${col('state')} = 'planned' AND ${st} < ?${from ? ` AND ${st} >= ?` : ''}
    ) x
    LEFT JOIN ${customer.name} cl ON cl.${customer.joinColumn.name} = x.id
    LEFT JOIN ${customers.tableName} c ON c.id = cl.${customer.inverseJoinColumn.name}
    WHERE x.n <= ? ORDER BY x.owner_id, x.n`;
  const res: any = await strapi.db.connection.raw(sql, [t(to), ...(from ? [t(from)] : []), DIGEST_LINES]);
  const rows: any[] = pg ? res.rows : res;
  return rows.map((r) => ({
    id: Number(r.id), ownerId: Number(r.owner_id), start: new Date(r.start), subject: r.subject as string,
    customer: (r.customer ?? null) as string | null, total: Number(r.total),
  }));
}
