import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';

const service = () => strapi.service('api::staff.staff') as any;

export default {
  ...crmController('staff', 'api::staff.staff'),
  create: handle(async (ctx, actor) => {
    const rec = await service().create(actor, ctx.request.body ?? {});
    ctx.status = 201;
    return rec;
  }),
  update: handle(async (ctx, actor) => service().update(actor, ctx.params.id, ctx.request.body ?? {})),
};
