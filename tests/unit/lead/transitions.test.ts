import {
  checkLeadChange, leadMove, LEAD_MOVES, type LeadAction, type LeadStatus,
} from '../../../backend/src/api/lead/transitions';
import { CrmError } from '../../../backend/src/crm/errors';

const STATUSES: LeadStatus[] = ['active', 'qualified', 'disqualified'];
const ACTIONS: LeadAction[] = ['convert', 'close', 'reactivate'];
const EXPECTED: Record<string, LeadStatus | null> = {
  'active/convert': 'qualified', 'active/close': 'disqualified', 'active/reactivate': null,
  'qualified/convert': null, 'qualified/close': null, 'qualified/reactivate': null,
  'disqualified/convert': null, 'disqualified/close': null, 'disqualified/reactivate': 'active',
};

describe('lead moves, every status × action', () => {
  it.each(STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a] as const)))('%s + %s', (status, action) => {
    const want = EXPECTED[`${status}/${action}`];
    if (want) {
      expect(leadMove(status, action)).toBe(want);
    } else {
      let err: CrmError | undefined;
      try {
        leadMove(status, action);
      } catch (e) {
        err = e as CrmError;
      }
      expect(err?.status).toBe(409);
      expect(err?.details).toEqual({ status, action, allowed: Object.keys(LEAD_MOVES[status]), code: 'transition_not_allowed' });
    }
  });
});

describe('checkLeadChange, as every writer sees it', () => {
  const err = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return e as CrmError;
    }
    return undefined;
  };

  it('lets a new lead start active only', () => {
    expect(err(() => checkLeadChange(null, { leadStatus: 'active' }))).toBeUndefined();
    expect(err(() => checkLeadChange(null, { leadStatus: 'qualified' }))?.status).toBe(409);
    expect(err(() => checkLeadChange(null, { leadStatus: 'disqualified' }))?.status).toBe(409);
  });

  it('closes with a reason, refuses closing without one', () => {
    expect(err(() => checkLeadChange({ leadStatus: 'active' }, { leadStatus: 'disqualified', closeReason: '预算不足' }))).toBeUndefined();
    const e = err(() => checkLeadChange({ leadStatus: 'active' }, { leadStatus: 'disqualified', closeReason: ' ' }));
    expect(e?.status).toBe(400);
    expect(e?.message).toContain('closeReason');
  });

  it('reactivates a closed lead; refuses qualifying without converting and any move out of qualified', () => {
    expect(err(() => checkLeadChange({ leadStatus: 'disqualified' }, { leadStatus: 'active' }))).toBeUndefined();
    expect(err(() => checkLeadChange({ leadStatus: 'active' }, { leadStatus: 'qualified' }))?.status).toBe(409);
    expect(err(() => checkLeadChange({ leadStatus: 'qualified' }, { leadStatus: 'active' }))?.details).toEqual({ status: 'qualified', allowed: [], code: 'transition_not_allowed' });
    expect(err(() => checkLeadChange({ leadStatus: 'disqualified' }, { leadStatus: 'qualified' }))?.status).toBe(409);
  });

  it('lets writes that keep the status through', () => {
    expect(err(() => checkLeadChange({ leadStatus: 'qualified' }, { leadStatus: 'qualified' }))).toBeUndefined();
    expect(err(() => checkLeadChange({ leadStatus: 'active' }, {}))).toBeUndefined();
  });
});
