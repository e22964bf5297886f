import type { ResourceDef } from '../../crm/resource';
import { customerRule, presentCustomer } from './rules';

const customer: ResourceDef = {
  name: 'customers',
  uid: 'api::customer.customer',
  audited: true,
  reportable: true,
  countedRows: true,
  importable: true,
  custom: 'customer',
  versioned: true,
  rule: customerRule,
  actions: ['claim', 'release', 'merge'],
  assignable: true,
  // ownership and the pool change only by assignment, claim and release
  viaAction: ['owner', 'creator', 'inPool'],
  readOnly: ['lastFollowUpAt', 'nextFollowUpAt'],
  search: ['name', 'mobile', 'email', 'wechat', 'company'],
  searchTokens: true,
  owner: 'owner',
  creator: 'creator',
  pool: 'inPool',
  onAssign: () => ({ inPool: false }),
  present: presentCustomer,
  allowedActions: (c) => (c.inPool ? ['claim'] : ['release']),
};
export default customer;
