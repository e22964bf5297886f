import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/complaint-queue', handler: 'complaint.queue', config: { policies: [] } },
    ...crmRoutes('complaints'),
  ],
};
