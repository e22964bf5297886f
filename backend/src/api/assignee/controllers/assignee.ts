import { handle } from '../../../crm/http';
import { badRequest } from '../../../crm/errors';
import { eligibleAssignees } from '../../../crm/assignees';

const RESOURCES = new Set(['leads', 'customers', 'opportunities']);

export default {
  find: handle(async (ctx, actor) => {
    const resource = String(ctx.query.resource ?? '');
    if (!RESOURCES.has(resource)) throw badRequest('resource: must be leads, customers or opportunities', { field: 'resource', code: 'invalid' });
    const list = await eligibleAssignees(resource, actor);
    ctx.set('Content-Range', `assignees 0-${Math.max(0, list.length - 1)}/${list.length}`);
    return list;
  }),
};
