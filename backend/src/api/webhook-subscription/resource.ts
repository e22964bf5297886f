import type { ResourceDef } from '../../crm/resource';
import { webhookRule } from './rules';
import { queueDeliveries } from './deliveries';

// An integration's URL subscribed to CRM events (config/webhooks.json). Admin only. Its secret is
// generated on create and answered that once (controllers/): never in reads, lists or the audit trail.
const webhookSubscription: ResourceDef = {
  name: 'webhook-subscriptions',
  uid: 'api::webhook-subscription.webhook-subscription',
  audited: true,
  unaudited: ['secret'],
  versioned: true,
  rule: webhookRule,
  search: ['name', 'url', 'description'],
  defaultSort: ['id', 'DESC'],
  expose: ['name', 'url', 'events', 'active', 'description', 'version', 'createdAt', 'updatedAt'],
  actions: ['redeliver'],
  // `events`: the catalog an admin picks from (GET /api/crm/webhook-events)
  handlers: { events: 'list' },
  exportable: false,
  onEvent: queueDeliveries,
};
export default webhookSubscription;
