import type { ResourceDef } from '../../crm/resource';
import { visitLogRule } from './rules';

const visitLog: ResourceDef = {
  name: 'visit-logs',
  uid: 'api::visit-log.visit-log',
  audited: true,
  reportable: true,
  versioned: true,
  rule: visitLogRule,
  actions: ['to-lead'],
  viaAction: ['creator', 'lead'],
  search: ['name', 'mobile', 'product', 'note'],
  defaultSort: ['visitedAt', 'DESC'],
  creator: 'creator',
  allowedActions: (v) => (v.lead ? [] : ['to-lead']),
};
export default visitLog;
