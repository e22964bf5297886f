// Strict-Transport-Security on HTTPS responses only: on plain HTTP the header is ignored by
// browsers at best, and at worst pins HTTPS onto a host that does not serve it.
// `ctx.secure` honours X-Forwarded-Proto only when CRM_TRUST_PROXY=true (server.proxy.koa).
export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  await next();
};
