// complaint-deadlines: complaints still being worked whose first response or resolution is late
// alert their handler and the handler's supervisor (in-app, through the outbox), once each.
import { enqueue } from '../../message/outbox';
import { handlesComplaints } from '../../complaint/services/transfer';
import { complaintAlertsDue } from './complaint-due';
import type { JobContext } from '../scheduler';

const date = (v: unknown) => (v ? new Date(v as string) : null);

export async function complaintDeadlines({ now }: JobContext) {
  const rows: any[] = await strapi.db.query('api::complaint.complaint' as any).findMany({
    where: { complaintStatus: { $in: ['open', 'processing'] } },
    select: ['id', 'title', 'severity', 'firstResponseDueAt', 'firstResponseAt', 'resolveDueAt', 'resolvedAt'],
    populate: { assignee: { select: ['id'] }, department: { select: ['id'] } },
  });
  if (!rows.length) return { late: 0, queued: 0, duplicates: 0 };
  const users: any[] = await strapi.db.query('plugin::users-permissions.user' as any).findMany({
    where: { blocked: false }, select: ['id'],
    populate: { role: { select: ['type'] }, supervisor: { select: ['id'] }, department: { select: ['id'] } },
  });
  const supervisorOf = new Map(users.map((u) => [u.id as number, (u.supervisor?.id ?? null) as number | null]));
  const handlersOf = new Map<number, number[]>();
  for (const u of users) {
    if (!u.department?.id || !handlesComplaints(u.role?.type)) continue;
    handlersOf.set(u.department.id, [...(handlersOf.get(u.department.id) ?? []), u.id]);
  }
  const alerts = complaintAlertsDue(rows.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, assigneeId: r.assignee?.id ?? null, departmentId: r.department?.id ?? null,
    firstResponseDueAt: date(r.firstResponseDueAt), firstResponseAt: date(r.firstResponseAt),
    resolveDueAt: date(r.resolveDueAt), resolvedAt: date(r.resolvedAt),
  })), supervisorOf, handlersOf, now);
  let queued = 0;
  let duplicates = 0;
  for (const a of alerts) {
    const ok = await enqueue({
      channel: 'inapp', staff: a.staffId, subject: a.title, body: a.body, purpose: 'notification',
      dedupeKey: a.key, linkResource: 'complaints', linkId: a.complaintId,
    });
    ok ? queued++ : duplicates++;
  }
  return { late: new Set(alerts.map((a) => a.complaintId)).size, queued, duplicates };
}
