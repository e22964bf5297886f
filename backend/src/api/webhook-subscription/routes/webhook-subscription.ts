import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/webhook-events', handler: 'webhook-subscription.events', config: { policies: [] } },
    ...crmRoutes('webhook-subscriptions'),
  ],
};
