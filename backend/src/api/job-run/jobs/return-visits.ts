// return-visits: a customer who visited `returnVisitDays` ago and has not been followed up since
// gets a return-visit reminder (回访提醒) to the owner, in the bell and by email, once per visit.
import { setting } from '../../../crm/settings';
import { enqueue } from '../../message/outbox';
import { returnVisitsDue } from './due';
import type { JobContext } from '../scheduler';

export async function returnVisits({ now, tz }: JobContext) {
  const days = Number(await setting('returnVisitDays'));
  if (!Number.isFinite(days) || days <= 0) return { due: 0, queued: 0, duplicates: 0 };
  const since = new Date(now.getTime() - (days + 2) * 86400000);
  const done: any[] = await strapi.db.query('api::interaction.interaction' as any).findMany({
    where: { state: 'done', completedAt: { $gte: since.toISOString() } },
    populate: { owner: { select: ['id', 'email'] }, customer: { select: ['id', 'name'] } },
  });
  const last = new Map<number, Date>();
  for (const r of done) {
    const c = r.customer?.id;
    const at = new Date(r.completedAt);
    if (c && !(last.get(c)! > at)) last.set(c, at);
  }
  const visits = done.filter((r) => r.kind === 'visit').map((r) => ({
    id: r.id, ownerId: r.owner?.id ?? null, customerId: r.customer?.id ?? null, completedAt: new Date(r.completedAt), subject: r.subject,
  }));
  const byId = new Map(done.map((r) => [r.id, r]));
  let queued = 0;
  let duplicates = 0;
  const due = returnVisitsDue(visits, last, now, days, tz);
  for (const v of due) {
    const r = byId.get(v.id);
    const base = {
      subject: `回访提醒：${r.customer.name}`, body: `${r.customer.name} ${days} 天前到访（${v.subject}），至今未跟进，请安排回访。`,
      purpose: 'reminder' as const, staff: v.ownerId, customer: v.customerId, linkResource: 'customers', linkId: v.customerId,
    };
    const results = [await enqueue({ ...base, channel: 'inapp', dedupeKey: `return-visit:${v.id}` })];
    if (r.owner?.email) results.push(await enqueue({ ...base, channel: 'email', to: r.owner.email, dedupeKey: `return-visit:${v.id}:email` }));
    for (const ok of results) ok ? queued++ : duplicates++;
  }
  return { due: due.length, queued, duplicates };
}
