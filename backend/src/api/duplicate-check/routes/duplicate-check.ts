// GET /api/crm/check-mobile?mobile=…: whose customer a mobile number is (撞单 check), for the
// lead form, the visit log and the convert dialog. Not under /crm/customers/ (its :id route).
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/crm/check-mobile', handler: 'duplicate-check.check', config: { policies: [] } }],
};
