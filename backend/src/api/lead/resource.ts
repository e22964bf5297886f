import type { ResourceDef } from '../../crm/resource';

const lead: ResourceDef = {
  name: 'leads',
  uid: 'api::lead.lead',
  rename: { status: 'leadStatus' },
  // status is writable, but only along the moves of transitions.ts (checked for every writer)
  viaAction: ['owner', 'creator'],
  search: ['subject', 'targetCustomer', 'targetContact', 'mobile', 'email'],
  owner: 'owner',
  creator: 'creator',
  initial: () => ({ leadStatus: 'active' }),
};
export default lead;
