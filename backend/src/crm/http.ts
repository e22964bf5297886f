// Koa glue shared by every CRM controller: who is calling, and errors in Strapi's JSON shape.
import { CrmError, errorBody } from './errors';
import type { Actor, Role } from './access';
import { ROLES } from './access';

export function actorOf(ctx: any): Actor {
  const user = ctx.state?.user;
  if (!user) throw new CrmError(401, 'UnauthorizedError', 'Missing or invalid credentials');
  const type = user.role?.type;
  return { id: user.id, role: (ROLES as readonly string[]).includes(type) ? (type as Role) : null };
}

/** Runs a controller body, turning CrmErrors into their HTTP answer. */
export function handle(fn: (ctx: any) => Promise<unknown>) {
  return async (ctx: any) => {
    try {
      const body = await fn(ctx);
      if (body !== undefined) ctx.body = body;
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      ctx.status = e.status;
      ctx.body = errorBody(e);
    }
  };
}
