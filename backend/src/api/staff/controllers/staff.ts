import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { resource } from '../../../crm/registry';

const service = () => strapi.service(resource('staff').api as any) as any;

export default {
  ...crmController('staff'),
  create: handle(async (ctx, actor) => {
    const rec = await service().create(actor, ctx.request.body ?? {});
    ctx.status = 201;
    return rec;
  }),
  update: handle(async (ctx, actor) => service().update(actor, ctx.params.id, ctx.request.body ?? {})),
};
