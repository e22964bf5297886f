// reminders: today's follow-up digest per owner and overdue alerts to owners and supervisors,
// each as an in-app notification and, for staff with an email, an email; queued once per day.
import { enqueue } from '../../message/outbox';
import { remindersDue, type Planned, type StaffRef } from './due';
import type { JobContext } from '../scheduler';

export async function reminders({ now, tz }: JobContext) {
  const rows: any[] = await strapi.db.query('api::interaction.interaction' as any).findMany({
    where: { state: 'planned', start: { $lt: new Date(now.getTime() + 2 * 86400000) } },
    populate: { owner: { select: ['id'] }, customer: { select: ['id', 'name'] } },
  });
  const users: any[] = await strapi.db.query('plugin::users-permissions.user' as any).findMany({
    populate: { supervisor: { select: ['id'] } },
  });
  const staff = new Map<number, StaffRef & { email?: string; blocked?: boolean }>(
    users.map((u) => [u.id, { id: u.id, supervisorId: u.supervisor?.id ?? null, name: u.displayName ?? u.username, email: u.email, blocked: u.blocked }]),
  );
  const items: Planned[] = rows.filter((r) => r.owner?.id).map((r) => ({
    id: r.id, ownerId: r.owner.id, start: new Date(r.start), subject: r.subject, customer: r.customer?.name ?? null,
  }));
  let queued = 0;
  let duplicates = 0;
  const digests = remindersDue(items, staff, now, tz).filter((d) => !staff.get(d.staffId)?.blocked);
  for (const d of digests) {
    const to = staff.get(d.staffId)?.email;
    const base = { subject: d.title, body: d.body, purpose: 'reminder' as const, staff: d.staffId, linkResource: 'interactions' };
    const results = [await enqueue({ ...base, channel: 'inapp', dedupeKey: d.key })];
    if (to) results.push(await enqueue({ ...base, channel: 'email', to, dedupeKey: `${d.key}:email` }));
    for (const r of results) r ? queued++ : duplicates++;
  }
  return { digests: digests.length, queued, duplicates };
}
