import type { ResourceDef } from '../../crm/resource';
import { allowedLeadActions } from './transitions';
import { leadRule } from './rules';

const lead: ResourceDef = {
  name: 'leads',
  uid: 'api::lead.lead',
  status: 'leadStatus',
  audited: true,
  reportable: true,
  countedRows: true,
  importable: true,
  custom: 'lead',
  versioned: true,
  rule: leadRule,
  actions: ['convert', 'close', 'reactivate'],
  assignable: true,
  rename: { status: 'leadStatus' },
  // status is writable, but only along the moves of transitions.ts (checked for every writer)
  viaAction: ['owner', 'creator', 'customer', 'opportunity'],
  search: ['subject', 'targetCustomer', 'targetContact', 'mobile', 'email'],
  searchTokens: true,
  owner: 'owner',
  creator: 'creator',
  initial: () => ({ leadStatus: 'active' }),
  allowedActions: (l) => allowedLeadActions(l.status),
};
export default lead;
