// Opportunity status moves as a pure table (SPEC "Rules": opportunity). Every writer goes
// through `checkOpportunityChange` (see rules.ts), so the action endpoints, a plain PUT, bulk
// actions and Strapi's admin panel obey the same moves.
import { conflict } from '../../crm/errors';

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'closed';
export type OpportunityAction =
  | 'win' | 'request-loss' | 'approve-loss' | 'reject-loss' | 'reassign' | 'close' | 'reactivate' | 'move';

export interface OpportunityState {
  status: OpportunityStatus;
  lossRequested: boolean;
}

interface Move {
  to: OpportunityStatus;
  /** the move needs a pending loss request (true) or no pending request (false) */
  request?: boolean;
  /** the move is reachable only through its action, never by writing the status */
  actionOnly?: boolean;
}

export const OPPORTUNITY_MOVES: Record<OpportunityStatus, Partial<Record<OpportunityAction, Move>>> = {
  open: {
    win: { to: 'won', request: false },
    move: { to: 'open' },
    'request-loss': { to: 'open', request: false },
    // A consultant cannot mark an opportunity lost: only a manager approving their request can.
    'approve-loss': { to: 'lost', request: true, actionOnly: true },
    'reject-loss': { to: 'open', request: true },
    reassign: { to: 'open', request: true },
  },
  won: { close: { to: 'closed' } },
  lost: { reactivate: { to: 'open' } },
  closed: {},
};

export const INITIAL_OPPORTUNITY_STATUS: OpportunityStatus = 'open';

const fits = (m: Move, s: OpportunityState) => m.request === undefined || m.request === !!s.lossRequested;

export function allowedOpportunityActions(s: OpportunityState): OpportunityAction[] {
  return (Object.entries(OPPORTUNITY_MOVES[s.status] ?? {}) as [OpportunityAction, Move][])
    .filter(([, m]) => fits(m, s))
    .map(([a]) => a);
}

/** The state `action` leads to, or a 409 naming the current state and the allowed moves. */
export function opportunityMove(s: OpportunityState, action: OpportunityAction): OpportunityState {
  const m = OPPORTUNITY_MOVES[s.status]?.[action];
  if (!m || !fits(m, s)) {
    const why = m ? (s.lossRequested ? ': a loss request is pending' : ': no loss request is pending') : '';
    throw conflict(`opportunity is ${s.status}${why}: cannot ${action}`, {
      status: s.status, lossRequested: !!s.lossRequested, action, allowed: allowedOpportunityActions(s), code: 'transition_not_allowed',
    });
  }
  // Filing sets the request; deciding it (or winning, reactivating) clears it; a stage move keeps it.
  const lossRequested = action === 'request-loss' ? true : action === 'move' ? !!s.lossRequested : false;
  return { status: m.to, lossRequested };
}

/** Intents (actions) that may set or clear a loss request. */
const LOSS_REQUEST_INTENTS = new Set(['request-loss', 'approve-loss', 'reject-loss', 'reassign', 'win', 'reactivate']);

export interface OpportunityRow extends OpportunityState {
  stage?: number | null;
  [k: string]: unknown;
}

/** Fields whose change is an edit (everything but bookkeeping). */
const editOf = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys(after).filter(
    (k) => !['version', 'updatedAt', 'createdAt', 'status', 'lossRequested'].includes(k) &&
      JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );

/**
 * Checks any write of an opportunity: status only along the table (a loss only through an
 * approved request), closed ones frozen, lost ones frozen until reactivated, stage moves only
 * while open, loss-request flags only through their actions.
 */
export function checkOpportunityChange(before: OpportunityRow | null, after: OpportunityRow, intent?: string): void {
  if (!before) {
    if (after.status !== INITIAL_OPPORTUNITY_STATUS || after.lossRequested) {
      throw conflict(`a new opportunity starts ${INITIAL_OPPORTUNITY_STATUS}`, { status: null, allowed: [INITIAL_OPPORTUNITY_STATUS], code: 'transition_not_allowed' });
    }
    return;
  }
  const allowed = allowedOpportunityActions(before);
  const refuse = (message: string) => {
    throw conflict(message, { status: before.status, lossRequested: !!before.lossRequested, allowed, code: 'transition_not_allowed' });
  };
  if (before.status === 'closed') refuse('opportunity is closed: it accepts no changes');
  if (before.status !== after.status) {
    const entry = (Object.entries(OPPORTUNITY_MOVES[before.status]) as [OpportunityAction, Move][])
      .find(([a, m]) => m.to === after.status && fits(m, before) && (!m.actionOnly || intent === a));
    if (!entry) {
      if (after.status === 'lost') refuse('opportunity can become lost only by a manager approving a loss request');
      refuse(`opportunity is ${before.status}: cannot become ${after.status}`);
    }
  } else if (before.status === 'lost' && editOf(before, after).length) {
    refuse('opportunity is lost: reactivate it before changing it');
  }
  if (!!before.lossRequested !== !!after.lossRequested && !LOSS_REQUEST_INTENTS.has(intent ?? '')) {
    refuse('lossRequested: changes only through request-loss, approve-loss, reject-loss or reassign');
  }
  if ((before.stage ?? null) !== (after.stage ?? null) && after.status !== 'open') {
    refuse(`opportunity is ${after.status}: its stage cannot move`);
  }
}

/** The opportunity name a conversion gives: `<customer>对<product>有意向`. */
export const opportunityName = (customer: string, product: string) => `${customer}对${product}有意向`;
