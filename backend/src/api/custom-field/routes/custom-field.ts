import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/custom-fields/:id/values', handler: 'custom-field.values', config: { policies: [] } },
    ...crmRoutes('custom-fields'),
  ],
};
