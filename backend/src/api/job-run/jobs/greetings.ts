// greetings: birthday and holiday wishes to customers by SMS and email. Opt-outs and quiet
// hours are dispatch's to apply (the row is kept as `skipped`, so the UI can say why).
// The database picks the due customers (a birthday today, or everyone active on a holiday),
// read in keyset pages by id so memory stays flat; each page is queued with multi-row inserts.
import { enqueueMany } from '../../message/batch';
import type { NewMessage } from '../../message/outbox';
import { render } from '../../message/template';
import { birthdaysOn, greetingsDue, localDate } from './due';
import type { JobContext } from '../scheduler';

/** customers per page: one page is one multi-row insert (batch.ts) */
const PAGE = 5000;
const CUSTOMER = 'api::customer.customer';

export async function greetings({ now, tz }: JobContext) {
  const today = localDate(tz, now);
  const holidays: any[] = await strapi.db.query('api::holiday.holiday' as any).findMany({ where: { date: today, active: true } });
  let queued = 0;
  let duplicates = 0;
  let count = 0;
  for (let after = 0; ;) {
    const customers = await dueCustomers(after, holidays.length ? null : birthdaysOn(today));
    if (!customers.length) break;
    after = customers[customers.length - 1].id;
    const byId = new Map(customers.map((c) => [c.id, c]));
    const due = greetingsDue(customers, holidays, today);
    count += due.length;
    const msgs: NewMessage[] = [];
    for (const g of due) {
      const c = byId.get(g.customerId)!;
      const body = render(g.template, { name: c.name, festival: g.festival });
      for (const [channel, to] of [['sms', c.mobile], ['email', c.email]] as const) {
        if (!to) continue;
        msgs.push({
          channel, to, subject: channel === 'email' ? `${g.festival}祝福` : null, body, purpose: 'greeting',
          customer: c.id, dedupeKey: `greeting:${c.id}:${g.occasion}:${today}:${channel}`,
        });
      }
    }
    const r = await enqueueMany(msgs, now);
    queued += r.queued;
    duplicates += r.duplicates;
  }
  return { greetings: count, queued, duplicates };
}

/**
 * Active customers after id `after` (the next page): only those whose birthday (MM-DD) is one of
 * `birthdays`, or all of them when null (a holiday greets everyone). Birthdays as YYYY-MM-DD text.
 */
async function dueCustomers(after: number, birthdays: string[] | null) {
  const meta: any = strapi.db.metadata.get(CUSTOMER as any);
  const col = (a: string) => meta.attributes[a].columnName ?? a;
  const pg = strapi.db.dialect.client === 'postgres';
  const knex = strapi.db.connection;
  const birthday = pg ? `to_char(${col('birthday')}, 'YYYY-MM-DD')` : col('birthday');
  const q = knex(meta.tableName)
    .select('id', { name: col('name'), mobile: col('mobile'), email: col('email') }, knex.raw(`${birthday} AS birthday`))
    .where('id', '>', after).whereNot(col('type'), 'inactive').orderBy('id').limit(PAGE);
  if (birthdays) q.whereRaw(`substr(${birthday}, 6, 5) IN (${birthdays.map(() => '?').join(', ')})`, birthdays);
  const rows: any[] = await q;
  return rows.map((r) => ({ id: Number(r.id), name: r.name, mobile: r.mobile, email: r.email, birthday: r.birthday ?? null }));
}
