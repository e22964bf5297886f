import type { ResourceDef } from '../../crm/resource';

const lead: ResourceDef = {
  name: 'leads',
  uid: 'api::lead.lead',
  rename: { status: 'leadStatus' },
  viaAction: ['status', 'owner', 'creator'],
  search: ['subject', 'targetCustomer', 'targetContact', 'mobile', 'email'],
  owner: 'owner',
  creator: 'creator',
  initial: () => ({ leadStatus: 'active' }),
};
export default lead;
