// Complaint status moves as a pure table (SPEC "Rules": complaint), checked for every writer by
// rules.ts, and the deadlines by severity. No server needed: unit-tested in tests/unit/complaint.
import { badRequest, conflict } from '../../crm/errors';

export type ComplaintStatus = 'open' | 'processing' | 'resolved' | 'closed';
export type ComplaintAction = 'process' | 'resolve' | 'close' | 'reopen';
export const SEVERITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `open → close` is the complaint answered on the spot (it needs its resolution). */
export const COMPLAINT_MOVES: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  open: { process: 'processing', resolve: 'resolved', close: 'closed' },
  processing: { resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'processing' },
  closed: { reopen: 'processing' },
};

export const INITIAL_COMPLAINT_STATUS: ComplaintStatus = 'open';
/** transfers hand over a complaint still being worked */
export const TRANSFERABLE: ComplaintStatus[] = ['open', 'processing'];

export const allowedComplaintActions = (s: ComplaintStatus) =>
  [...Object.keys(COMPLAINT_MOVES[s] ?? {}), ...(TRANSFERABLE.includes(s) ? ['transfer'] : [])];

const DAY = 86400000;

export interface ComplaintState {
  complaintStatus?: ComplaintStatus;
  resolution?: string | null;
  satisfaction?: number | null;
  resolvedAt?: string | Date | null;
  closedAt?: string | Date | null;
}

/** The status `action` leads to, or a 409 naming the current state and the allowed moves. */
export function complaintMove(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const to = COMPLAINT_MOVES[status]?.[action];
  if (!to) {
    throw conflict(`complaint is ${status}: cannot ${action}`, { status, action, allowed: allowedComplaintActions(status), code: 'transition_not_allowed' });
  }
  return to;
}

/** A resolved or closed complaint reopens only within `days` of when it was resolved/closed. */
export function assertReopenable(c: ComplaintState, days: number, now = new Date()) {
  const since = c.complaintStatus === 'closed' ? c.closedAt ?? c.resolvedAt : c.resolvedAt;
  if (since && now.getTime() - new Date(since).getTime() > days * DAY) {
    throw conflict(`complaint was ${c.complaintStatus} more than ${days} days ago: it cannot be reopened`, {
      status: c.complaintStatus, action: 'reopen', allowed: [], days, code: 'reopen_window_passed',
    });
  }
}

const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Checks a write that changes a complaint's status: only moves of the table; resolving or closing
 * needs the resolution; satisfaction is a score 1–5 recorded at close.
 */
export function checkComplaintChange(before: ComplaintState | null, after: ComplaintState, intent?: string): void {
  if (after.satisfaction !== null && after.satisfaction !== undefined && (before?.satisfaction ?? null) !== after.satisfaction) {
    if (!Number.isInteger(after.satisfaction) || after.satisfaction < 1 || after.satisfaction > 5) {
      throw badRequest('satisfaction: must be a whole number from 1 to 5', { field: 'satisfaction', code: 'out_of_range', min: 1, max: 5 });
    }
    if (after.complaintStatus !== 'closed') {
      throw badRequest('satisfaction: is recorded when the complaint is closed', { field: 'satisfaction', code: 'satisfaction_at_close' });
    }
  }
  const to = after.complaintStatus ?? before?.complaintStatus;
  if (!before) {
    if (to !== INITIAL_COMPLAINT_STATUS) {
      throw conflict(`a new complaint starts ${INITIAL_COMPLAINT_STATUS}`, { status: null, allowed: [INITIAL_COMPLAINT_STATUS], code: 'transition_not_allowed' });
    }
    return;
  }
  const from = before.complaintStatus;
  if (!from || !to || from === to) return;
  const action = (Object.entries(COMPLAINT_MOVES[from]) as [ComplaintAction, ComplaintStatus][]).find(([, s]) => s === to)?.[0];
  if (!action || (intent && intent !== action && ['process', 'resolve', 'close', 'reopen'].includes(intent))) {
    throw conflict(`complaint is ${from}: cannot become ${to}`, { status: from, allowed: allowedComplaintActions(from), code: 'transition_not_allowed' });
  }
  if ((to === 'resolved' || to === 'closed') && !hasText(after.resolution)) {
    throw badRequest(`resolution: is required to ${action} a complaint`, { field: 'resolution', code: 'required' });
  }
}

export interface DeadlineHours { firstResponseHours: Record<Severity, number>; resolveHours: Record<Severity, number> }

/** When the first response and the resolution are due for a complaint of `severity` taken at `at`. */
export function deadlinesFor(severity: Severity, at: Date, hours: DeadlineHours) {
  return {
    firstResponseDueAt: new Date(at.getTime() + hours.firstResponseHours[severity] * 3600000),
    resolveDueAt: new Date(at.getTime() + hours.resolveHours[severity] * 3600000),
  };
}

export interface Timing {
  complaintStatus?: string | null;
  firstResponseDueAt?: string | Date | null;
  resolveDueAt?: string | Date | null;
  firstResponseAt?: string | Date | null;
  resolvedAt?: string | Date | null;
}

const t = (v: string | Date | null | undefined) => (v ? new Date(v).getTime() : null);

/** Late flags, derived at read time: a deadline passed before the response (or resolution) came. */
export function lateness(c: Timing, now = new Date()) {
  const late = (due: number | null, done: number | null) => due !== null && (done ?? now.getTime()) > due;
  return {
    lateFirstResponse: late(t(c.firstResponseDueAt), t(c.firstResponseAt)),
    lateResolution: late(t(c.resolveDueAt), t(c.resolvedAt)),
  };
}

/** Service queue order: the most severe first, then the oldest. */
export function queueOrder<T extends { severity?: string | null; createdAt?: string | Date | null; id: number }>(rows: T[]): T[] {
  const rank = (s?: string | null) => { const i = SEVERITIES.indexOf(s as Severity); return i < 0 ? SEVERITIES.length : i; };
  return [...rows].sort((a, b) => rank(a.severity) - rank(b.severity) || (t(a.createdAt) ?? 0) - (t(b.createdAt) ?? 0) || a.id - b.id);
}
