// greetings: birthday and holiday wishes to customers by SMS and email. Opt-outs and quiet
// hours are dispatch's to apply (the row is kept as `skipped`, so the UI can say why).
import { enqueue } from '../../message/outbox';
import { render } from '../../message/template';
import { greetingsDue, localDate } from './due';
import type { JobContext } from '../scheduler';

export async function greetings({ now, tz }: JobContext) {
  const today = localDate(tz, now);
  const customers: any[] = await strapi.db.query('api::customer.customer' as any).findMany({
    where: { type: { $ne: 'inactive' } }, select: ['id', 'name', 'birthday', 'mobile', 'email'],
  });
  const holidays: any[] = await strapi.db.query('api::holiday.holiday' as any).findMany({ where: { date: today, active: true } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const due = greetingsDue(customers.map((c) => ({ id: c.id, name: c.name, birthday: c.birthday ?? null })), holidays, today);
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
  return { greetings: due.length, queued, duplicates };
}
