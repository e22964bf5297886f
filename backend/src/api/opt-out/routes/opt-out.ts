// Public endpoints (no staff login): the SMS gateway's inbound replies, authenticated by a shared
// secret, and the unsubscribe link of marketing emails, authenticated by its signed token.
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/public/sms/inbound', handler: 'opt-out.inbound', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/public/unsubscribe/:token', handler: 'opt-out.page', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/public/unsubscribe/:token', handler: 'opt-out.unsubscribe', config: { auth: false, policies: [] } },
  ],
};
