import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { records } from '../../../crm/registry';
import { assertCan } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { eventCatalog } from '../../../crm/events';
import { newSecret } from '../signing';

const NAME = 'webhook-subscriptions';

export default {
  ...crmController(NAME),
  /** The new subscription with its secret: the only answer that ever carries it. */
  create: handle(async (ctx, actor) => {
    const secret = newSecret();
    const rec = await records(NAME).create(actor, ctx.request.body, { secret });
    ctx.status = 201;
    return { ...rec, secret };
  }),
  /** GET /api/crm/webhook-events: the events a subscription may pick, in catalog order. */
  events: handle(async (_ctx, actor) => {
    assertCan(roleTable(), actor, NAME, 'list');
    return Object.entries(eventCatalog(strapi.dirs.app.root).events).map(([name, e]) => ({ id: name, resource: e.resource }));
  }),
};
