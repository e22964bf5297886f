// assignment-deadline: leads nobody took on within `assignmentDeadlineDays` (no owner, or still
// with reception) alert the sales managers, one digest per manager and day.
import { setting } from '../../../crm/settings';
import { enqueue } from '../../message/outbox';
import { localDate, unassignedLeadsDue } from './due';
import type { JobContext } from '../scheduler';

export async function assignmentDeadline({ now, tz }: JobContext) {
  const days = Number(await setting('assignmentDeadlineDays'));
  if (!Number.isFinite(days) || days <= 0) return { leads: 0, queued: 0, duplicates: 0 };
  const users: any[] = await strapi.db.query('plugin::users-permissions.user' as any).findMany({ populate: { role: { select: ['type'] } } });
  const reception = new Set(users.filter((u) => u.role?.type === 'reception').map((u) => u.id as number));
  const managers = users.filter((u) => u.role?.type === 'sales-manager' && !u.blocked);
  // only the candidates, by the owner's copy in the row (crm/relation-copy.ts): reading every
  // active lead with its owner was 600k rows and one bind parameter per lead at a million
  const rows: any[] = await strapi.db.query('api::lead.lead' as any).findMany({
    where: {
      leadStatus: 'active', createdAt: { $lt: new Date(now.getTime() - days * 86400000) },
      $or: [{ ownerKey: { $null: true } }, ...(reception.size ? [{ ownerKey: { $in: [...reception] } }] : [])],
    },
    select: ['id', 'subject', 'createdAt', 'ownerKey'],
  });
  const late = unassignedLeadsDue(rows.map((r) => ({ id: r.id, ownerId: r.ownerKey ?? null, createdAt: new Date(r.createdAt), subject: r.subject })), reception, now, days);
  let queued = 0;
  let duplicates = 0;
  if (late.length) {
    const date = localDate(tz, now);
    const body = late.map((l) => `${localDate(tz, l.createdAt)} ${l.subject}`).join('\n');
    for (const m of managers) {
      const ok = await enqueue({
        channel: 'inapp', staff: m.id, subject: `${late.length} 条线索超过 ${days} 天未分配`, body,
        purpose: 'notification', dedupeKey: `assignment:${m.id}:${date}`, linkResource: 'leads',
      });
      ok ? queued++ : duplicates++;
    }
  }
  return { leads: late.length, queued, duplicates };
}
