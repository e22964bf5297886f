import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/calendar', handler: 'interaction.calendar', config: { policies: [] } },
    ...crmRoutes('interactions'),
  ],
};
