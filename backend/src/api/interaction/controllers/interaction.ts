import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { records } from '../../../crm/registry';
import { badRequest } from '../../../crm/errors';

const MAX_DAYS = 62;

const instant = (name: string, v: unknown) => {
  const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw badRequest(`${name}: must be a date-time`, { param: name, field: name, code: 'invalid_datetime' });
  return d;
};

export default {
  ...crmController('interactions'),
  /** The follow-up calendar: the caller's visible interactions starting in [from, to). */
  calendar: handle(async (ctx, actor) => {
    const from = instant('from', ctx.query.from);
    const to = instant('to', ctx.query.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_DAYS * 86400000) {
      throw badRequest(`to: must be after from, at most ${MAX_DAYS} days later`, { param: 'to', field: 'to', code: 'invalid_query' });
    }
    const { rows } = await records('interactions').list(
      actor,
      { sort: JSON.stringify(['start', 'ASC']), range: JSON.stringify([0, 999]) },
      { start: { $gte: from.toISOString(), $lt: to.toISOString() }, state: { $ne: 'cancelled' } },
    );
    return rows;
  }),
};
