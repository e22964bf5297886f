import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { exportCsv, results } from '../services/results';

export default {
  ...crmController('questionnaire-responses'),
  results: handle(async (ctx, actor) => results(strapi, actor, ctx.params.id, ctx.query)),
  exportCsv: handle(async (ctx, actor) => {
    const { filename, body } = await exportCsv(actor, ctx.params.id, ctx.query);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }),
};
