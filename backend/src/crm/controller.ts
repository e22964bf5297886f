// The simple-rest controller every CRM resource uses: parse, authorize, call the record
// service, shape the answer (array + Content-Range for lists).
import { records } from './registry';
import { actorOf, handle } from './http';

export function crmController(name: string) {
  return {
    find: handle(async (ctx) => {
      const { rows, start, total } = await records(name).list(actorOf(ctx), ctx.query);
      const end = rows.length ? start + rows.length - 1 : start;
      ctx.set('Content-Range', `${name} ${start}-${end}/${total}`);
      return rows;
    }),
    findOne: handle(async (ctx) => records(name).get(actorOf(ctx), ctx.params.id)),
    create: handle(async (ctx) => {
      const rec = await records(name).create(actorOf(ctx), ctx.request.body);
      ctx.status = 201;
      return rec;
    }),
    update: handle(async (ctx) => records(name).update(actorOf(ctx), ctx.params.id, ctx.request.body)),
    delete: handle(async (ctx) => records(name).remove(actorOf(ctx), ctx.params.id)),
  };
}

/** The five simple-rest routes of a resource, handled by `<controller>.find|findOne|…`. */
export function crmRoutes(name: string, controller: string) {
  const base = `/crm/${name}`;
  return [
    { method: 'GET', path: base, handler: `${controller}.find`, config: { policies: [] } },
    { method: 'GET', path: `${base}/:id`, handler: `${controller}.findOne`, config: { policies: [] } },
    { method: 'POST', path: base, handler: `${controller}.create`, config: { policies: [] } },
    { method: 'PUT', path: `${base}/:id`, handler: `${controller}.update`, config: { policies: [] } },
    { method: 'DELETE', path: `${base}/:id`, handler: `${controller}.delete`, config: { policies: [] } },
  ];
}
