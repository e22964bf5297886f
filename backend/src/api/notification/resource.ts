import type { ResourceDef } from '../../crm/resource';

// Written by the jobs (through the in-app channel), read by its recipient: `own` scope on
// `recipient`. The only change a staff member makes is marking it read.
const notification: ResourceDef = {
  name: 'notifications',
  uid: 'api::notification.notification',
  owner: 'recipient',
  viaAction: ['read', 'readAt', 'recipient'],
  actions: ['read'],
  search: ['title', 'body'],
  defaultSort: ['createdAt', 'DESC'],
  allowedActions: (n) => (n.read ? [] : ['read']),
};
export default notification;
