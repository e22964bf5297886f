import { crmController } from '../../../crm/controller';
import { actorOf, handle } from '../../../crm/http';

const service = () => strapi.service('api::lead.lead') as any;

export default {
  ...crmController('leads'),
  close: handle(async (ctx) => service().close(actorOf(ctx), ctx.params.id, ctx.request.body?.reason)),
  reactivate: handle(async (ctx) => service().reactivate(actorOf(ctx), ctx.params.id)),
};
