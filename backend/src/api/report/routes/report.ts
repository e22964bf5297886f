export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/crm/reports/:name', handler: 'report.find', config: { policies: [] } }],
};
