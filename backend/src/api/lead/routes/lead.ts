import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    ...crmRoutes('leads', 'lead'),
    { method: 'POST', path: '/crm/leads/:id/close', handler: 'lead.close', config: { policies: [] } },
    { method: 'POST', path: '/crm/leads/:id/reactivate', handler: 'lead.reactivate', config: { policies: [] } },
  ],
};
