// greetings: birthday and holiday wishes to customers by SMS and email. Opt-outs and quiet
// hours are dispatch's to apply (the row is kept as `skipped`, so the UI can say why).
import { enqueue } from '../../message/outbox';
import { render } from '../../message/template';
import { greetingsDue, localDate } from './due';
import type { JobContext } from '../scheduler';

/** Customers are read in pages by id, so 100k customers never sit in memory at once. */
const PAGE = 1000;

export async function greetings({ now, tz }: JobContext) {
  const today = localDate(tz, now);
  const holidays: any[] = await strapi.db.query('api::holiday.holiday' as any).findMany({ where: { date: today, active: true } });
  let queued = 0;
  let duplicates = 0;
  let count = 0;
  for (let after = 0; ;) {
    const customers: any[] = await strapi.db.query('api::customer.customer' as any).findMany({
      where: { type: { $ne: 'inactive' }, id: { $gt: after } }, select: ['id', 'name', 'birthday', 'mobile', 'email'],
      orderBy: { id: 'asc' }, limit: PAGE,
    });
    if (!customers.length) break;
    after = customers[customers.length - 1].id;
    const byId = new Map(customers.map((c) => [c.id, c]));
    const due = greetingsDue(customers.map((c) => ({ id: c.id, name: c.name, birthday: c.birthday ?? null })), holidays, today);
    count += due.length;
    const r = await queueGreetings(due, byId, today);
    queued += r.queued;
    duplicates += r.duplicates;
  }
  return { greetings: count, queued, duplicates };
}

async function queueGreetings(due: ReturnType<typeof greetingsDue>, byId: Map<number, any>, today: string) {
  let queued = 0;
  let duplicates = 0;
  for (const g of due) {
    const c = byId.get(g.customerId);
    const body = render(g.template, { name: c.name, festival: g.festival });
    for (const [channel, to] of [['sms', c.mobile], ['email', c.email]] as const) {
      if (!to) continue;
      const ok = await enqueue({
        channel, to, subject: channel === 'email' ? `${g.festival}祝福` : null, body, purpose: 'greeting',
        customer: c.id, dedupeKey: `greeting:${c.id}:${g.occasion}:${today}:${channel}`,
      });
      ok ? queued++ : duplicates++;
    }
  }
  return { queued, duplicates };
}
