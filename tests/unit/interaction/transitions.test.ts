import {
  allowedInteractionActions, checkInteractionChange, interactionMove, isOverdue, nextFollowUp,
  INTERACTION_MOVES, type InteractionAction, type InteractionState,
} from '../../../backend/src/api/interaction/transitions';
import { CrmError } from '../../../backend/src/crm/errors';

const STATES: InteractionState[] = ['planned', 'done', 'cancelled'];
const ACTIONS: InteractionAction[] = ['complete', 'cancel'];
const EXPECTED: Record<string, InteractionState | null> = {
  'planned/complete': 'done', 'planned/cancel': 'cancelled',
  'done/complete': null, 'done/cancel': null,
  'cancelled/complete': null, 'cancelled/cancel': null,
};

const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as CrmError;
  }
  return undefined;
};

describe('interaction moves, every state × action', () => {
  it.each(STATES.flatMap((s) => ACTIONS.map((a) => [s, a] as const)))('%s + %s', (state, action) => {
    const want = EXPECTED[`${state}/${action}`];
    if (want) {
      expect(interactionMove(state, action)).toBe(want);
    } else {
      const e = err(() => interactionMove(state, action));
      expect(e).toBeInstanceOf(CrmError);
      expect(e?.status).toBe(409);
      expect(e?.details).toEqual({ status: state, action, allowed: Object.keys(INTERACTION_MOVES[state]), code: 'transition_not_allowed' });
    }
  });

  it('offers completing or cancelling a plan, nothing on history', () => {
    expect(allowedInteractionActions('planned')).toEqual(['complete', 'cancel']);
    expect(allowedInteractionActions('done')).toEqual([]);
    expect(allowedInteractionActions('cancelled')).toEqual([]);
  });
});

describe('checkInteractionChange, as every writer sees it', () => {
  it('creates a plan, or a done follow-up with its outcome; never a cancelled one', () => {
    expect(err(() => checkInteractionChange(null, { state: 'planned' }))).toBeUndefined();
    expect(err(() => checkInteractionChange(null, { state: 'done', outcome: '客户约周六看房' }))).toBeUndefined();
    const noOutcome = err(() => checkInteractionChange(null, { state: 'done', outcome: '  ' }));
    expect(noOutcome?.status).toBe(400);
    expect(noOutcome?.message).toMatch(/^outcome:/);
    expect(err(() => checkInteractionChange(null, { state: 'done' }))?.status).toBe(400);
    const cancelled = err(() => checkInteractionChange(null, { state: 'cancelled' }));
    expect(cancelled?.status).toBe(409);
    expect(cancelled?.details).toEqual({ status: null, allowed: ['planned', 'done'], code: 'transition_not_allowed' });
  });

  it('completes a plan only with an outcome, cancels it, and lets it be edited while planned', () => {
    const plan = { state: 'planned' as const, subject: '回访', outcome: null };
    expect(err(() => checkInteractionChange(plan, { ...plan, state: 'done', outcome: '已成交' }))).toBeUndefined();
    expect(err(() => checkInteractionChange(plan, { ...plan, state: 'done' }))?.status).toBe(400);
    expect(err(() => checkInteractionChange(plan, { ...plan, state: 'cancelled' }))).toBeUndefined();
    expect(err(() => checkInteractionChange(plan, { ...plan, subject: '改期回访' }))).toBeUndefined();
    // a row without a state is a plan
    expect(err(() => checkInteractionChange({}, { state: 'done', outcome: 'ok' }))).toBeUndefined();
  });

  it('keeps done and cancelled interactions as history: no edit, no state change', () => {
    for (const from of ['done', 'cancelled'] as const) {
      const before = { state: from, subject: '回访', outcome: '已联系' };
      for (const after of [
        { ...before, subject: '改写历史' },
        { ...before, state: 'planned' as const },
        { ...before, state: (from === 'done' ? 'cancelled' : 'done') as InteractionState },
        { ...before },
      ]) {
        const e = err(() => checkInteractionChange(before, after));
        expect(e?.status).toBe(409);
        expect(e?.message).toMatch(/history/);
        expect(e?.details).toEqual({ status: from, allowed: [], code: 'transition_not_allowed' });
      }
    }
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  it('is a plan whose start has passed', () => {
    expect(isOverdue({ state: 'planned', start: '2026-11-23T07:59:59Z' }, now)).toBe(true);
    expect(isOverdue({ state: 'planned', start: new Date('2026-11-20T00:00:00Z') }, now)).toBe(true);
  });

  it('is not a plan still ahead (or starting right now), nor history, nor a plan without a start', () => {
    expect(isOverdue({ state: 'planned', start: '2026-11-23T08:00:01Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'planned', start: '2026-11-23T08:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'done', start: '2026-11-01T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'cancelled', start: '2026-11-01T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'planned', start: null }, now)).toBe(false);
    expect(isOverdue({ start: '2026-11-01T00:00:00Z' }, now)).toBe(false);
  });
});

describe('nextFollowUp', () => {
  it('is the level interval in whole days after the follow-up', () => {
    const at = new Date('2026-11-23T09:30:00Z');
    expect(nextFollowUp(at, 7).toISOString()).toBe('2026-11-30T09:30:00.000Z');
    expect(nextFollowUp(at, 2).toISOString()).toBe('2026-11-25T09:30:00.000Z');
    expect(nextFollowUp(new Date('2026-12-25T00:00:00Z'), 10).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(nextFollowUp(at, 7)).not.toBe(at);
    expect(at.toISOString()).toBe('2026-11-23T09:30:00.000Z');
  });
});
