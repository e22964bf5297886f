// The controller every CRM resource uses: parse, authorize, call a service, shape the answer.
// Simple-rest CRUD, one handler per named action (`POST /:id/<action>`), the same actions in
// bulk (`POST /bulk/<action> {ids}`, all or nothing) and assignment (`POST /assign`).
import { records, resource } from './registry';
import { handle } from './http';
import { badRequest, CrmError } from './errors';
import type { Actor } from './access';
import { assign } from './assignment';
import { inBulk } from './bulk';
import { withWrite } from './write-context';
import { mergeInto } from './config-merge';
import { exportList } from './export';
import { prepareImport } from './import';
import { importJob, startImportJob } from './import-jobs';
import { assertCan } from './access';
import { roleTable } from './roles';

export type ActionFn = (actor: Actor, id: unknown, body: Record<string, any>) => Promise<unknown>;

const MAX_BULK = 500;

export const handlerName = (action: string) => action.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function idsOf(body: any): unknown[] {
  const ids = body?.ids;
  if (!Array.isArray(ids) || !ids.length) throw badRequest('ids: must be a non-empty array of record ids', { field: 'ids', code: 'invalid_ids' });
  if (ids.length > MAX_BULK) throw badRequest(`ids: at most ${MAX_BULK} records at once`, { field: 'ids', code: 'too_many_ids', max: MAX_BULK });
  return [...new Set(ids)];
}

/** The controller of resource `name`; named actions come from its concept's service `actions`. */
export function crmController(name: string) {
  const def = resource(name);
  const actions = (): Record<string, ActionFn> => (def.actions?.length ? (strapi.service(def.api as any) as any)?.actions ?? {} : {});
  const named = (action: string) => {
    // Own keys only: `__proto__` or `toString` must not resolve through the prototype chain.
    const table = actions();
    const fn = Object.hasOwn(table, action) && def.actions!.includes(action) ? table[action] : undefined;
    if (typeof fn !== 'function') throw new CrmError(404, 'NotFoundError', `${name} have no action ${action}`, { field: 'action', code: 'unknown_action', action });
    return fn;
  };
  const body = (ctx: any) => (typeof ctx.request.body === 'object' && ctx.request.body) || {};
  const controller: Record<string, unknown> = {
    find: handle(async (ctx, actor) => {
      const { rows, start, total } = await records(name).list(actor, ctx.query);
      const end = rows.length ? start + rows.length - 1 : start;
      ctx.set('Content-Range', `${name} ${start}-${end}/${total}`);
      return rows;
    }),
    findOne: handle(async (ctx, actor) => records(name).get(actor, ctx.params.id)),
    create: handle(async (ctx, actor) => {
      const rec = await records(name).create(actor, ctx.request.body);
      ctx.status = 201;
      return rec;
    }),
    update: handle(async (ctx, actor) => records(name).update(actor, ctx.params.id, ctx.request.body)),
    // `?confirm=true`: the caller saw what the delete destroys (a custom field's values) and said yes
    delete: handle(async (ctx, actor) =>
      withWrite({ confirmed: ctx.query?.confirm === 'true' }, () => records(name).remove(actor, ctx.params.id))),
    // configuration in use: its records move to another entry, then it is archived
    merge: handle(async (ctx, actor) => mergeInto(name, actor, ctx.params.id, body(ctx).into)),
    bulk: handle(async (ctx, actor) => {
      const fn = named(ctx.params.action);
      const { ids, ...rest } = body(ctx);
      return inBulk(idsOf({ ids }), (id) => fn(actor, id, rest));
    }),
    assign: handle(async (ctx, actor) => assign(name, actor, idsOf(body(ctx)), body(ctx).owner)),
    export: handle(async (ctx, actor) => exportList(ctx, actor, name)),
    import: handle(async (ctx, actor) => {
      const dry = ctx.query.dryRun;
      if (dry !== undefined && dry !== 'true' && dry !== 'false') throw badRequest('dryRun: must be true or false', { param: 'dryRun', field: 'dryRun', code: 'invalid_query' });
      assertCan(roleTable(), actor, name, 'create');
      const prepared = await prepareImport(actor, name, body(ctx));
      if (dry === 'false' && prepared.big) {
        ctx.status = 202;
        return startImportJob(actor, name, prepared.total, (progress) => prepared.run(false, progress));
      }
      const report = await prepared.run(dry !== 'false');
      if (dry === 'false' && report.errors.length) {
        throw badRequest(`file: ${report.errors.length} rows are invalid; nothing was imported`, { field: 'file', code: 'import_invalid', ...report });
      }
      return report;
    }),
    importJob: handle(async (ctx, actor) => importJob(actor, name, ctx.params.job)),
  };
  for (const action of def.actions ?? []) {
    controller[handlerName(action)] = handle(async (ctx, actor) => named(action)(actor, ctx.params.id, body(ctx)));
  }
  return controller;
}

/** Routes of a resource: the five simple-rest ones, the export, its named actions, bulk and assign. */
export function crmRoutes(name: string, opts: { readOnly?: boolean } = {}) {
  const base = `/crm/${name}`;
  const { actions, assignable, exportable, importable, folder: controller } = resource(name);
  // Staff sign in as users-permissions users: Strapi's API-token strategy, tried first otherwise,
  // would look every member's token up in strapi_api_tokens (a query per request) to find nothing.
  const route = (method: string, path: string, handler: string) => ({
    method, path, handler: `${controller}.${handler}`, config: { policies: [], auth: { strategies: ['users-permissions'] } },
  });
  // the export goes before `/:id`, which would take `export` for an id
  const routes = [route('GET', base, 'find'), ...(exportable === false ? [] : [route('GET', `${base}/export`, 'export')]), route('GET', `${base}/:id`, 'findOne')];
  if (!opts.readOnly) routes.push(route('POST', base, 'create'), route('PUT', `${base}/:id`, 'update'), route('DELETE', `${base}/:id`, 'delete'));
  if (assignable) routes.push(route('POST', `${base}/assign`, 'assign'));
  if (resource(name).inUse && !opts.readOnly) routes.push(route('POST', `${base}/:id/merge`, 'merge'));
  if (importable) routes.push(route('POST', `${base}/import`, 'import'), route('GET', `${base}/import/:job`, 'importJob'));
  if (actions?.length) {
    routes.push(route('POST', `${base}/bulk/:action`, 'bulk'));
    for (const a of actions) routes.push(route('POST', `${base}/:id/${a}`, handlerName(a)));
  }
  return routes;
}
