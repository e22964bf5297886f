import {
  allowedComplaintActions, assertReopenable, checkComplaintChange, complaintMove, deadlinesFor, lateness, queueOrder,
  COMPLAINT_MOVES, type ComplaintAction, type ComplaintStatus,
} from '../../../backend/src/api/complaint/transitions';
import { complaintAlertsDue } from '../../../backend/src/api/job-run/jobs/complaint-due';
import { CrmError } from '../../../backend/src/crm/errors';

const STATUSES: ComplaintStatus[] = ['open', 'processing', 'resolved', 'closed'];
const ACTIONS: ComplaintAction[] = ['process', 'resolve', 'close', 'reopen'];
const EXPECTED: Record<string, ComplaintStatus | null> = {
  'open/process': 'processing', 'open/resolve': 'resolved', 'open/close': 'closed', 'open/reopen': null,
  'processing/process': null, 'processing/resolve': 'resolved', 'processing/close': null, 'processing/reopen': null,
  'resolved/process': null, 'resolved/resolve': null, 'resolved/close': 'closed', 'resolved/reopen': 'processing',
  'closed/process': null, 'closed/resolve': null, 'closed/close': null, 'closed/reopen': 'processing',
};
const thrown = (f: () => unknown): any => {
  try { f(); } catch (e) { return e as CrmError & { details: any }; }
  return undefined;
};
const HOUR = 3600000;
const HOURS = {
  firstResponseHours: { urgent: 1, high: 4, medium: 8, low: 24 },
  resolveHours: { urgent: 24, high: 48, medium: 72, low: 168 },
};

describe('complaint moves, every status × action', () => {
  it.each(STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a] as const)))('%s + %s', (status, action) => {
    const want = EXPECTED[`${status}/${action}`];
    if (want) return expect(complaintMove(status, action)).toBe(want);
    const err = thrown(() => complaintMove(status, action));
    expect(err?.status).toBe(409);
    expect(err?.details).toEqual({ status, action, allowed: allowedComplaintActions(status), code: 'transition_not_allowed' });
  });

  it('offers transfer only while the complaint is being worked', () => {
    expect(STATUSES.map((s) => allowedComplaintActions(s).includes('transfer'))).toEqual([true, true, false, false]);
    expect(allowedComplaintActions('open')).toEqual([...Object.keys(COMPLAINT_MOVES.open), 'transfer']);
  });
});

describe('checkComplaintChange (every writer)', () => {
  it('starts open, and nothing else', () => {
    expect(() => checkComplaintChange(null, { complaintStatus: 'open' })).not.toThrow();
    expect(thrown(() => checkComplaintChange(null, { complaintStatus: 'closed', resolution: 'x' }))?.status).toBe(409);
  });
  it('refuses moves off the table and resolving or closing without a resolution', () => {
    expect(thrown(() => checkComplaintChange({ complaintStatus: 'processing' }, { complaintStatus: 'closed', resolution: '已退款' }))?.details)
      .toMatchObject({ status: 'processing', code: 'transition_not_allowed' });
    const none = thrown(() => checkComplaintChange({ complaintStatus: 'open' }, { complaintStatus: 'closed', resolution: ' ' }));
    expect([none?.status, none?.details.field]).toEqual([400, 'resolution']);
    expect(() => checkComplaintChange({ complaintStatus: 'open' }, { complaintStatus: 'closed', resolution: '当场解释清楚' })).not.toThrow();
  });
  it('takes satisfaction 1–5 only at close', () => {
    expect(thrown(() => checkComplaintChange({ complaintStatus: 'resolved', resolution: 'r' }, { complaintStatus: 'closed', resolution: 'r', satisfaction: 6 }))?.details)
      .toMatchObject({ field: 'satisfaction', code: 'out_of_range' });
    expect(thrown(() => checkComplaintChange({ complaintStatus: 'open' }, { complaintStatus: 'processing', satisfaction: 4 }))?.details)
      .toMatchObject({ field: 'satisfaction', code: 'satisfaction_at_close' });
    expect(() => checkComplaintChange({ complaintStatus: 'resolved', resolution: 'r' }, { complaintStatus: 'closed', resolution: 'r', satisfaction: 5 })).not.toThrow();
  });
  it('refuses a move that is not the action named (a resolve cannot close)', () => {
    expect(thrown(() => checkComplaintChange({ complaintStatus: 'open' }, { complaintStatus: 'closed', resolution: 'r' }, 'resolve'))?.status).toBe(409);
  });
});

describe('reopen window', () => {
  const now = new Date('2026-12-10T00:00:00Z');
  it('reopens within the days, not after', () => {
    expect(() => assertReopenable({ complaintStatus: 'resolved', resolvedAt: '2026-12-03T00:00:00Z' }, 7, now)).not.toThrow();
    const late = thrown(() => assertReopenable({ complaintStatus: 'closed', resolvedAt: '2026-12-09T00:00:00Z', closedAt: '2026-12-02T23:59:00Z' }, 7, now));
    expect([late?.status, late?.details.code, late?.details.days]).toEqual([409, 'reopen_window_passed', 7]);
  });
});

describe('deadlines and lateness', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  it('sets the deadlines by severity', () => {
    expect(deadlinesFor('urgent', at, HOURS)).toEqual({ firstResponseDueAt: new Date(at.getTime() + HOUR), resolveDueAt: new Date(at.getTime() + 24 * HOUR) });
    expect(deadlinesFor('low', at, HOURS).resolveDueAt).toEqual(new Date(at.getTime() + 168 * HOUR));
  });
  it('flags a deadline passed before the response or resolution', () => {
    const d = deadlinesFor('urgent', at, HOURS);
    const soon = new Date(at.getTime() + 30 * 60000);
    expect(lateness({ ...d }, soon)).toEqual({ lateFirstResponse: false, lateResolution: false });
    expect(lateness({ ...d }, new Date(at.getTime() + 2 * HOUR))).toEqual({ lateFirstResponse: true, lateResolution: false });
    expect(lateness({ ...d, firstResponseAt: soon }, new Date(at.getTime() + 2 * HOUR))).toEqual({ lateFirstResponse: false, lateResolution: false });
    expect(lateness({ ...d, firstResponseAt: soon, resolvedAt: new Date(at.getTime() + 25 * HOUR) }, new Date(at.getTime() + 99 * HOUR)).lateResolution).toBe(true);
  });
  it('orders the queue by severity, then age', () => {
    const rows = [
      { id: 1, severity: 'low', createdAt: '2026-12-01T00:00:00Z' },
      { id: 2, severity: 'urgent', createdAt: '2026-12-01T05:00:00Z' },
      { id: 3, severity: 'urgent', createdAt: '2026-12-01T01:00:00Z' },
      { id: 4, severity: 'medium', createdAt: '2026-11-30T00:00:00Z' },
    ];
    expect(queueOrder(rows).map((r) => r.id)).toEqual([3, 2, 4, 1]);
  });
});

describe('complaint-deadlines: what is due at T', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  const base = { title: '漏水', severity: 'urgent', ...deadlinesFor('urgent', at, HOURS), firstResponseAt: null, resolvedAt: null };
  const sup = new Map<number, number | null>([[10, 20], [11, null], [12, 20]]);
  const handlers = new Map([[5, [11, 12]]]);
  it('alerts the assignee and supervisor on a late first response, once per complaint, kind and person', () => {
    const due = complaintAlertsDue([{ id: 1, assigneeId: 10, departmentId: 5, ...base }], sup, handlers, new Date(at.getTime() + 2 * HOUR));
    expect(due.map((a) => [a.staffId, a.kind, a.key])).toEqual([[10, 'first-response', 'complaint-first-response:1:10'], [20, 'first-response', 'complaint-first-response:1:20']]);
    expect(due[0].title).toBe('投诉首次响应超时：漏水');
  });
  it('alerts the department handlers of an unassigned complaint, and nothing before the deadline or once answered', () => {
    const late = new Date(at.getTime() + 25 * HOUR);
    const due = complaintAlertsDue([{ id: 2, assigneeId: null, departmentId: 5, ...base, firstResponseAt: at }], sup, handlers, late);
    expect(due.map((a) => [a.staffId, a.kind])).toEqual([[11, 'resolution'], [12, 'resolution'], [20, 'resolution']]);
    expect(complaintAlertsDue([{ id: 3, assigneeId: 10, departmentId: null, ...base }], sup, handlers, new Date(at.getTime() + 10 * 60000))).toEqual([]);
    expect(complaintAlertsDue([{ id: 4, assigneeId: 10, departmentId: null, ...base, firstResponseAt: at, resolvedAt: at }], sup, handlers, late)).toEqual([]);
  });
});
