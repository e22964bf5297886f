import { crmRoutes } from '../../../crm/controller';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/jobs', handler: 'job-run.jobs', config: { policies: [] } },
    { method: 'POST', path: '/crm/jobs/:name/run', handler: 'job-run.runJob', config: { policies: [] } },
    ...crmRoutes('job-runs'),
  ],
};
