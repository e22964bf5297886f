// The CRM API is staff-only: a request without credentials is 401 (not the 403 that Strapi
// gives the public role), so clients know to log in. The header must at least look like
// `Bearer <token>`: anything else is refused here, before the body is read. The token itself
// is verified by Strapi's users-permissions strategy (plus our session epoch, auth/epoch.ts).
const BEARER = /^Bearer [A-Za-z0-9\-_.~+/]+=*$/;

export default () => async (ctx: any, next: () => Promise<void>) => {
  if ((ctx.path === '/api/crm' || ctx.path.startsWith('/api/crm/')) && !BEARER.test(ctx.get('authorization'))) {
    ctx.status = 401;
    ctx.body = {
      data: null,
      error: {
        status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials',
        details: { field: 'authorization', code: 'missing_credentials' },
      },
    };
    return;
  }
  await next();
};
