// Interaction (follow-up) states as a pure table: a plan is completed with an outcome or
// cancelled; a done or cancelled interaction is history and no longer changes.
import { badRequest, conflict } from '../../crm/errors';

export type InteractionState = 'planned' | 'done' | 'cancelled';
export type InteractionAction = 'complete' | 'cancel';

export const INTERACTION_MOVES: Record<InteractionState, Partial<Record<InteractionAction, InteractionState>>> = {
  planned: { complete: 'done', cancel: 'cancelled' },
  done: {},
  cancelled: {},
};

export const allowedInteractionActions = (s: InteractionState) => Object.keys(INTERACTION_MOVES[s] ?? {}) as InteractionAction[];

export function interactionMove(state: InteractionState, action: InteractionAction): InteractionState {
  const to = INTERACTION_MOVES[state]?.[action];
  if (!to) throw conflict(`interaction is ${state}: cannot ${action}`, { status: state, action, allowed: allowedInteractionActions(state), code: 'transition_not_allowed' });
  return to;
}

/** Overdue is derived at read time, never stored: a plan whose start has passed. */
export const isOverdue = (i: { state?: string | null; start?: string | Date | null }, now = new Date()) =>
  i.state === 'planned' && !!i.start && new Date(i.start).getTime() < now.getTime();

interface Row {
  state?: InteractionState;
  outcome?: string | null;
  [k: string]: unknown;
}

export function checkInteractionChange(before: Row | null, after: Row): void {
  const needsOutcome = () => {
    if (!(after.outcome ?? '').toString().trim()) throw badRequest('outcome: is required to complete a follow-up', { field: 'outcome', code: 'required' });
  };
  if (!before) {
    if (after.state === 'cancelled') throw conflict('a new interaction is planned or done', { status: null, allowed: ['planned', 'done'], code: 'transition_not_allowed' });
    if (after.state === 'done') needsOutcome();
    return;
  }
  const from = before.state ?? 'planned';
  const allowed = allowedInteractionActions(from);
  if (from !== 'planned') throw conflict(`interaction is ${from}: it is history and cannot change`, { status: from, allowed, code: 'transition_not_allowed' });
  const to = after.state ?? from;
  if (to === from) return;
  const action = (Object.entries(INTERACTION_MOVES[from]) as [InteractionAction, InteractionState][]).find(([, s]) => s === to)?.[0];
  if (!action) throw conflict(`interaction is ${from}: cannot become ${to}`, { status: from, allowed, code: 'transition_not_allowed' });
  if (action === 'complete') needsOutcome();
}

/** When the next follow-up is due after one at `at`, for a level followed up every `days`. */
export const nextFollowUp = (at: Date, days: number) => new Date(at.getTime() + days * 86400000);
