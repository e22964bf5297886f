// Koa glue shared by every CRM controller: who is calling, and errors in Strapi's JSON shape.
import { CrmError, errorBody } from './errors';
import type { Actor } from './access';
import { loadActor } from './org';
import { refreshRoleTable, roleTable } from './roles';
import { withWrite } from './write-context';
import { cachedActor } from '../auth/caller-cache';

export async function actorOf(ctx: any): Promise<Actor> {
  if (ctx.state.crmActor) return ctx.state.crmActor;
  const user = ctx.state?.user;
  // loaded once per token while its cached caller lives (auth/caller-cache.ts: dropped on any
  // write to users, roles, permissions or departments; the role table was revalidated then)
  const actor = user
    ? await cachedActor(ctx, async () => {
      await refreshRoleTable(strapi);
      return loadActor(strapi, roleTable(), user.id);
    })
    : null;
  if (!actor) throw new CrmError(401, 'UnauthorizedError', 'Missing or invalid credentials');
  return (ctx.state.crmActor = actor);
}

/** Runs a controller body as the signed-in actor, turning CrmErrors into their HTTP answer. */
export function handle(fn: (ctx: any, actor: Actor) => Promise<unknown>) {
  return async (ctx: any) => {
    try {
      const actor = await actorOf(ctx);
      // strapi::body parses no multipart (config/middlewares.ts): say so, after authentication,
      // rather than let a form arrive as an empty body.
      if (ctx.request.is?.('multipart/*')) {
        throw new CrmError(415, 'UnsupportedMediaTypeError', 'body: multipart uploads are not accepted; send JSON', { field: 'body', code: 'multipart_not_accepted' });
      }
      const body = await withWrite({ actor: { id: actor.id, name: actor.name ?? String(actor.id) } }, () => fn(ctx, actor));
      if (body !== undefined) ctx.body = body;
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      ctx.status = e.status;
      ctx.body = errorBody(e);
    }
  };
}
