// Messages are admin's to list; whoever sees a customer may read that customer's messages
// (filter={"customer":<id>}), after the customer passed the caller's own scope.
import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { records } from '../../../crm/registry';
import { grantsOf } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { badRequest } from '../../../crm/errors';

const base = crmController('messages') as Record<string, any>;

export default {
  ...base,
  find: handle(async (ctx, actor) => {
    let trusted = false;
    if (grantsOf(roleTable(), actor.role, 'messages').scope === ('record' as string)) {
      let filter: any = {};
      try { filter = JSON.parse(ctx.query.filter ?? '{}'); } catch { /* the list parser names the error */ }
      if (filter === null || typeof filter !== 'object' || filter.customer === undefined) {
        throw badRequest('filter: give customer to read a customer\'s messages', { param: 'filter', field: 'customer', code: 'customer_required' });
      }
      await records('customers').get(actor, filter.customer);
      trusted = true;
    }
    const { rows, start, total } = await records('messages').list(actor, ctx.query, {}, trusted);
    const end = rows.length ? start + rows.length - 1 : start;
    ctx.set('Content-Range', `messages ${start}-${end}/${total}`);
    return rows;
  }),
};
