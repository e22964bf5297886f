// The CRM API is staff-only: a request without credentials is 401 (not the 403 that Strapi
// gives the public role), so clients know to log in.
export default () => async (ctx: any, next: () => Promise<void>) => {
  if ((ctx.path === '/api/crm' || ctx.path.startsWith('/api/crm/')) && !ctx.get('authorization')) {
    ctx.status = 401;
    ctx.body = {
      data: null,
      error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials', details: {} },
    };
    return;
  }
  await next();
};
