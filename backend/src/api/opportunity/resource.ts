import type { ResourceDef } from '../../crm/resource';
import { allowedOpportunityActions } from './transitions';
import { opportunityRule } from './rules';

const opportunity: ResourceDef = {
  name: 'opportunities',
  uid: 'api::opportunity.opportunity',
  status: 'opportunityStatus',
  audited: true,
  reportable: true,
  countedRows: true,
  custom: 'opportunity',
  versioned: true,
  rule: opportunityRule,
  actions: ['win', 'request-loss', 'approve-loss', 'reject-loss', 'reassign', 'close', 'reactivate', 'move'],
  assignable: true,
  rename: { status: 'opportunityStatus' },
  // status is writable along the table's moves; the loss request only through its actions
  viaAction: ['owner', 'creator', 'lossRequested', 'lead'],
  search: ['name', 'product', 'competitor'],
  searchTokens: true,
  owner: 'owner',
  creator: 'creator',
  allowedActions: (o) => allowedOpportunityActions({ status: o.status, lossRequested: !!o.lossRequested }),
};
export default opportunity;
