import {
  allowedOpportunityActions, checkOpportunityChange, opportunityMove, opportunityName,
  type OpportunityAction, type OpportunityRow, type OpportunityState, type OpportunityStatus,
} from '../../../backend/src/api/opportunity/transitions';
import { CrmError } from '../../../backend/src/crm/errors';

const STATUSES: OpportunityStatus[] = ['open', 'won', 'lost', 'closed'];
const ACTIONS: OpportunityAction[] = ['win', 'request-loss', 'approve-loss', 'reject-loss', 'reassign', 'close', 'reactivate', 'move'];

const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as CrmError;
  }
  return undefined;
};

// status/pending → action → the state it leads to; anything missing is refused with 409.
// "pending" is a consultant's loss request waiting for the manager.
const S = (status: OpportunityStatus, lossRequested = false): OpportunityState => ({ status, lossRequested });
const EXPECTED: Record<string, Partial<Record<OpportunityAction, OpportunityState>>> = {
  'open/none': { win: S('won'), move: S('open'), 'request-loss': S('open', true) },
  // While the manager decides, the card may still move on the Kanban: the request stays pending
  // (a plain PUT of the stage keeps it too). Only the manager's three answers settle it.
  'open/pending': { move: S('open', true), 'approve-loss': S('lost'), 'reject-loss': S('open'), reassign: S('open') },
  'won/none': { close: S('closed') },
  'won/pending': { close: S('closed') },
  'lost/none': { reactivate: S('open') },
  'lost/pending': { reactivate: S('open') },
  'closed/none': {},
  'closed/pending': {},
};

const CASES = STATUSES.flatMap((status) =>
  [false, true].flatMap((pending) => ACTIONS.map((action) => [status, pending ? 'pending' : 'none', action] as const)),
);

describe('opportunity moves, every status × loss request × action', () => {
  it.each(CASES)('%s (loss request %s) + %s', (status, pending, action) => {
    const from = S(status, pending === 'pending');
    const want = EXPECTED[`${status}/${pending}`][action];
    if (want) {
      expect(opportunityMove(from, action)).toEqual(want);
    } else {
      const e = err(() => opportunityMove(from, action));
      expect(e).toBeInstanceOf(CrmError);
      expect(e?.status).toBe(409);
      expect(e?.details).toEqual({ status, lossRequested: pending === 'pending', action, allowed: allowedOpportunityActions(from), code: 'transition_not_allowed' });
      expect(e?.message).toContain(action);
    }
  });

  it('offers exactly the moves the table allows, in each state', () => {
    for (const [key, moves] of Object.entries(EXPECTED)) {
      const [status, pending] = key.split('/') as [OpportunityStatus, string];
      expect([key, [...allowedOpportunityActions(S(status, pending === 'pending'))].sort()]).toEqual([key, Object.keys(moves).sort()]);
    }
  });

  it('says why a move needs (or must not have) a pending loss request', () => {
    expect(err(() => opportunityMove(S('open'), 'approve-loss'))?.message).toMatch(/no loss request is pending/);
    expect(err(() => opportunityMove(S('open', true), 'win'))?.message).toMatch(/a loss request is pending/);
  });

  // Every move the table offers is a write the rules accept with that move as intent: the action
  // endpoints, which write what opportunityMove returns, must never be refused by checkOpportunityChange.
  // (Only states an opportunity can be in: a loss request is pending only while it is open.)
  const reachable = (status: string, pending: string) => pending === 'none' || status === 'open';
  it.each(CASES.filter(([status, pending, action]) => reachable(status, pending) && EXPECTED[`${status}/${pending}`][action]))(
    'the write of %s (loss request %s) + %s passes the rules',
    (status, pending, action) => {
      const before: OpportunityRow = { ...S(status, pending === 'pending'), stage: 1, name: 'x' };
      const to = opportunityMove(before, action);
      const after: OpportunityRow = { ...before, ...to, stage: action === 'move' ? 2 : 1 };
      expect(err(() => checkOpportunityChange(before, after, action))).toBeUndefined();
    },
  );
});

describe('checkOpportunityChange, as every writer sees it', () => {
  const row = (status: OpportunityStatus, extra: Partial<OpportunityRow> = {}): OpportunityRow =>
    ({ status, lossRequested: false, stage: 1, name: '王先生对滨江壹号有意向', probability: 10, version: 3, ...extra });

  it('lets a new opportunity start open without a loss request only', () => {
    expect(err(() => checkOpportunityChange(null, row('open')))).toBeUndefined();
    for (const s of ['won', 'lost', 'closed'] as const) {
      const e = err(() => checkOpportunityChange(null, row(s)));
      expect(e?.status).toBe(409);
      expect(e?.details).toEqual({ status: null, allowed: ['open'], code: 'transition_not_allowed' });
    }
    expect(err(() => checkOpportunityChange(null, row('open', { lossRequested: true })))?.status).toBe(409);
  });

  it('freezes a closed opportunity: no edit, no status, no stage, no reactivation', () => {
    const closed = row('closed');
    for (const after of [
      row('closed', { name: '改名' }),
      row('closed', { stage: 2 }),
      row('open'),
      row('won'),
    ]) {
      for (const intent of [undefined, 'reactivate', 'approve-loss']) {
        const e = err(() => checkOpportunityChange(closed, after, intent));
        expect(e?.status).toBe(409);
        expect(e?.message).toMatch(/closed/);
        expect(e?.details).toEqual({ status: 'closed', lossRequested: false, allowed: [], code: 'transition_not_allowed' });
      }
    }
  });

  it('freezes a lost opportunity until it is reactivated', () => {
    const lost = row('lost', { lossReason: '价格原因' });
    const edit = err(() => checkOpportunityChange(lost, { ...lost, name: '改名' }));
    expect(edit?.status).toBe(409);
    expect(edit?.message).toMatch(/reactivate/);
    expect(edit?.details).toEqual({ status: 'lost', lossRequested: false, allowed: ['reactivate'], code: 'transition_not_allowed' });
    expect(err(() => checkOpportunityChange(lost, { ...lost, stage: 2 }))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(lost, { ...lost, status: 'won' }))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(lost, { ...lost, status: 'closed' }))?.status).toBe(409);
    // bookkeeping alone is no edit
    expect(err(() => checkOpportunityChange(lost, { ...lost, version: 4, updatedAt: 'now' }))).toBeUndefined();
    // reactivating (action or plain status write) opens it again
    expect(err(() => checkOpportunityChange(lost, { ...lost, status: 'open', lossReason: null }, 'reactivate'))).toBeUndefined();
    expect(err(() => checkOpportunityChange(lost, { ...lost, status: 'open' }))).toBeUndefined();
  });

  it('makes an open opportunity lost only by a manager approving a pending loss request', () => {
    const pending = row('open', { lossRequested: true });
    expect(err(() => checkOpportunityChange(pending, { ...pending, status: 'lost', lossRequested: false }, 'approve-loss'))).toBeUndefined();
    for (const intent of [undefined, 'request-loss', 'reject-loss', 'reassign', 'win', 'move']) {
      const e = err(() => checkOpportunityChange(pending, { ...pending, status: 'lost', lossRequested: false }, intent));
      expect(e?.status).toBe(409);
      expect(e?.message).toMatch(/only by a manager approving a loss request/);
    }
    // no pending request: not even the approve-loss intent makes it lost
    const open = row('open');
    expect(err(() => checkOpportunityChange(open, { ...open, status: 'lost' }, 'approve-loss'))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(open, { ...open, status: 'lost' }))?.details)
      .toEqual({ status: 'open', lossRequested: false, allowed: ['win', 'move', 'request-loss'], code: 'transition_not_allowed' });
  });

  it('follows the table for the other status writes (win by PUT, close, no skipping)', () => {
    expect(err(() => checkOpportunityChange(row('open'), row('won')))).toBeUndefined();
    expect(err(() => checkOpportunityChange(row('open', { lossRequested: true }), row('won', { lossRequested: true })))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(row('won'), row('closed')))).toBeUndefined();
    expect(err(() => checkOpportunityChange(row('open'), row('closed')))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(row('won'), row('open')))?.status).toBe(409);
    expect(err(() => checkOpportunityChange(row('won'), row('lost')))?.status).toBe(409);
  });

  it('moves the stage only while the opportunity is open', () => {
    expect(err(() => checkOpportunityChange(row('open'), row('open', { stage: 2 })))).toBeUndefined();
    expect(err(() => checkOpportunityChange(row('open', { lossRequested: true }), row('open', { lossRequested: true, stage: 2 })))).toBeUndefined();
    const won = err(() => checkOpportunityChange(row('won'), row('won', { stage: 2 })));
    expect(won?.status).toBe(409);
    expect(won?.message).toMatch(/stage/);
    expect(err(() => checkOpportunityChange(row('open'), row('won', { stage: 2 })))?.message).toMatch(/stage/);
    expect(err(() => checkOpportunityChange(row('won'), row('won', { stage: null })))?.status).toBe(409);
    // edits that leave the stage alone are fine on a won opportunity
    expect(err(() => checkOpportunityChange(row('won'), row('won', { name: '改名' })))).toBeUndefined();
  });

  it('sets or clears the loss request only through its intents', () => {
    const open = row('open');
    const pending = row('open', { lossRequested: true });
    for (const intent of [undefined, 'move', 'edit', 'assign', 'convert']) {
      const set = err(() => checkOpportunityChange(open, pending, intent));
      expect(set?.status).toBe(409);
      expect(set?.message).toMatch(/^lossRequested:/);
      expect(err(() => checkOpportunityChange(pending, open, intent))?.message).toMatch(/^lossRequested:/);
    }
    expect(err(() => checkOpportunityChange(open, pending, 'request-loss'))).toBeUndefined();
    for (const intent of ['reject-loss', 'reassign']) expect(err(() => checkOpportunityChange(pending, open, intent))).toBeUndefined();
  });
});

it('names an opportunity after its customer and product', () => {
  expect(opportunityName('王先生', '滨江壹号')).toBe('王先生对滨江壹号有意向');
});
