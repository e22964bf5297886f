// What the complaint-deadlines job owes at time `now`: pure, unit-tested with a frozen clock.
// A complaint whose first response or resolution is late alerts its handler (the assignee, or the
// complaint handlers of its department while nobody holds it) and each handler's supervisor,
// once per complaint, deadline and recipient (the dedupe key).

export interface OpenComplaint {
  id: number;
  title: string;
  severity: string;
  assigneeId: number | null;
  departmentId: number | null;
  firstResponseDueAt: Date | null;
  firstResponseAt: Date | null;
  resolveDueAt: Date | null;
  resolvedAt: Date | null;
}

export interface ComplaintAlert {
  staffId: number;
  complaintId: number;
  kind: 'first-response' | 'resolution';
  key: string;
  title: string;
  body: string;
}

const KIND_LABEL = { 'first-response': '首次响应', resolution: '解决' } as const;

export function complaintAlertsDue(
  complaints: OpenComplaint[],
  supervisorOf: Map<number, number | null>,
  handlersOf: Map<number, number[]>,
  now: Date,
): ComplaintAlert[] {
  const out: ComplaintAlert[] = [];
  for (const c of [...complaints].sort((a, b) => a.id - b.id)) {
    const late: ComplaintAlert['kind'][] = [];
    if (c.firstResponseDueAt && !c.firstResponseAt && c.firstResponseDueAt < now) late.push('first-response');
    if (c.resolveDueAt && !c.resolvedAt && c.resolveDueAt < now) late.push('resolution');
    if (!late.length) continue;
    const handlers = c.assigneeId ? [c.assigneeId] : c.departmentId ? handlersOf.get(c.departmentId) ?? [] : [];
    const recipients = new Set<number>(handlers);
    for (const h of handlers) {
      const sup = supervisorOf.get(h);
      if (sup) recipients.add(sup);
    }
    for (const kind of late) {
      for (const staffId of [...recipients].sort((a, b) => a - b)) {
        out.push({
          staffId, complaintId: c.id, kind, key: `complaint-${kind}:${c.id}:${staffId}`,
          title: `投诉${KIND_LABEL[kind]}超时：${c.title}`,
          body: `投诉 #${c.id}「${c.title}」的${KIND_LABEL[kind]}期限已过，请尽快处理。`,
        });
      }
    }
  }
  return out;
}
