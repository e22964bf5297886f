// Lead status moves as a pure table (SPEC "Rules": lead). Every writer — action endpoints,
// plain PUT, bulk, Strapi's admin panel — goes through `checkLeadChange` via the write-rules
// middleware (crm/rules.ts), so no path can skip a rule.
import { badRequest, conflict } from '../../crm/errors';

export type LeadStatus = 'active' | 'qualified' | 'disqualified';
export type LeadAction = 'convert' | 'close' | 'reactivate';

export const LEAD_MOVES: Record<LeadStatus, Partial<Record<LeadAction, LeadStatus>>> = {
  active: { convert: 'qualified', close: 'disqualified' },
  qualified: {},
  disqualified: { reactivate: 'active' },
};

export const INITIAL_LEAD_STATUS: LeadStatus = 'active';

export const allowedLeadActions = (status: LeadStatus) => Object.keys(LEAD_MOVES[status] ?? {}) as LeadAction[];

/** The status `action` leads to from `status`, or a 409 naming the current state and the allowed moves. */
export function leadMove(status: LeadStatus, action: LeadAction): LeadStatus {
  const to = LEAD_MOVES[status]?.[action];
  if (!to) {
    throw conflict(`lead is ${status}: cannot ${action}`, { status, action, allowed: allowedLeadActions(status), code: 'transition_not_allowed' });
  }
  return to;
}

interface LeadState {
  leadStatus?: LeadStatus;
  closeReason?: string | null;
  opportunity?: number | null;
}

/**
 * Checks a write that changes a lead's status: only moves of the table, each with what it needs
 * (closing needs a reason; qualifying is the conversion itself, which links the opportunity it
 * created). A converted lead is history: it cannot be converted again or edited back.
 */
export function checkLeadChange(before: LeadState | null, after: LeadState, intent?: string): void {
  const from = before?.leadStatus;
  const to = after.leadStatus ?? from;
  if (!before) {
    if (to !== INITIAL_LEAD_STATUS) {
      throw conflict(`a new lead starts ${INITIAL_LEAD_STATUS}`, { status: null, allowed: [INITIAL_LEAD_STATUS], code: 'transition_not_allowed' });
    }
    return;
  }
  if (!from || !to) return;
  if (from === to) {
    if (from === 'qualified' && (before.opportunity ?? null) !== (after.opportunity ?? null)) {
      throw conflict('lead is qualified: its conversion cannot change', { status: from, allowed: [], code: 'transition_not_allowed' });
    }
    return;
  }
  const action = (Object.entries(LEAD_MOVES[from]) as [LeadAction, LeadStatus][]).find(([, s]) => s === to)?.[0];
  if (!action) {
    throw conflict(`lead is ${from}: cannot become ${to}`, { status: from, allowed: allowedLeadActions(from), code: 'transition_not_allowed' });
  }
  if (action === 'convert' && (intent !== 'convert' || !after.opportunity)) {
    throw conflict('a lead becomes qualified only by converting it', { status: from, allowed: allowedLeadActions(from), code: 'transition_not_allowed' });
  }
  if (action === 'close' && !(after.closeReason ?? '').trim()) {
    throw badRequest('closeReason: is required to close a lead', { field: 'closeReason', code: 'required' });
  }
}
