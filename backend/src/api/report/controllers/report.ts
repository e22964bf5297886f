import { handle } from '../../../crm/http';
import { runReport } from '../run';

// GET /api/crm/reports/<name>?from=&to=&department=&owner= → {rows, totals}
export default {
  find: handle(async (ctx, actor) => runReport(strapi, actor, ctx.params.name, ctx.query)),
};
