export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/crm/me', handler: 'me.find', config: { policies: [] } }],
};
