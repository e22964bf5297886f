// Strapi's router answers a path that exists for other methods (`PUT /api/crm/settings/`) with a
// plain-text 405: give every such bodiless or text error Strapi's JSON error shape.
// A 403 without a code gets `forbidden`.
const NAMES: Record<number, string> = { 404: 'NotFoundError', 405: 'MethodNotAllowedError', 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' };
export default () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (ctx.status < 400 || ctx.status >= 500 || !ctx.path.startsWith('/api/')) return;
  if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
    // Strapi's route permissions refuse a role without the grant before our controllers run
    // (ctx.forbidden(), details {}): the refusal carries the code ours do (crm/access.ts#assertCan)
    const err = ctx.body.error;
    if (ctx.status === 403 && err && typeof err === 'object' && !err.details?.code) err.details = { ...(err.details ?? {}), code: 'forbidden' };
    return;
  }
  const status = ctx.status;
  const message = typeof ctx.body === 'string' && ctx.body ? ctx.body : ctx.message || 'Bad Request';
  ctx.body = { data: null, error: { status, name: NAMES[status] ?? 'BadRequestError', message, details: {} } };
  ctx.status = status;
};
