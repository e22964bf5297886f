export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/crm/me', handler: 'me.find', config: { policies: [] } },
    // My account: one's own display name, mobile and notification preference (password: /api/auth/change-password)
    { method: 'PUT', path: '/crm/me', handler: 'me.update', config: { policies: [] } },
  ],
};
