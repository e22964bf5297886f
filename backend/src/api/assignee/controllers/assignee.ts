import { handle } from '../../../crm/http';
import { badRequest } from '../../../crm/errors';
import { eligibleAssignees } from '../../../crm/assignees';
import { assertCan } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { complaintHandlers } from '../../complaint/services/transfer';

const RESOURCES = new Set(['leads', 'customers', 'opportunities', 'complaints']);

export default {
  find: handle(async (ctx, actor) => {
    const resource = String(ctx.query.resource ?? '');
    if (!RESOURCES.has(resource)) throw badRequest('resource: must be leads, customers, opportunities or complaints', { field: 'resource', code: 'invalid' });
    // a complaint goes to anyone who may handle complaints, not only the caller's team (the transfer rule)
    if (resource === 'complaints') assertCan(roleTable(), actor, 'complaints', 'transfer');
    const list = resource === 'complaints' ? await complaintHandlers(strapi) : await eligibleAssignees(resource, actor);
    ctx.set('Content-Range', `assignees 0-${Math.max(0, list.length - 1)}/${list.length}`);
    return list;
  }),
};
