// Deals per CRM-zone month, dated by the audit trail's transition to `won` (the record keeps no
// won date); the date range applies to that date.
import { num, type ReportContext } from '../context';

export default async function wonByMonth(c: ReportContext) {
  const { knex } = c;
  const audit = c.table('audit-events');
  const at = c.col('audit-events', 'createdAt');
  const wonAt = knex(audit)
    .where(c.col('audit-events', 'resource'), 'opportunities').where(c.col('audit-events', 'action'), 'transition')
    .where(c.col('audit-events', 'field'), 'status').whereRaw(`${c.auditValue(c.col('audit-events', 'toValue'))} = 'won'`)
    .whereIn(c.col('audit-events', 'recordId'), c.ids('opportunities', null, [{ opportunityStatus: { $in: ['won', 'closed'] } }]))
    .groupBy(c.col('audit-events', 'recordId'))
    .select(knex.raw(`${c.col('audit-events', 'recordId')} as opp`), knex.raw(`min(${at}) as won_at`));
  const value = c.col('opportunities', 'estimatedValue');
  const month = c.period('w.won_at', 'month');
  const q = knex.from(wonAt.as('w')).join(`${c.table('opportunities')} as o`, 'o.id', 'w.opp');
  if (c.filters.from) q.where('w.won_at', '>=', c.instant(c.filters.from));
  if (c.filters.to) q.where('w.won_at', '<', c.instant(c.filters.to));
  const rows: any[] = await q.groupByRaw(month).orderByRaw(month)
    .select(knex.raw(`${month} as month`), knex.raw('count(*) as won'), knex.raw(`sum(coalesce(o.${value}, 0)) as value`));
  const out = rows.map((r) => ({ month: r.month, won: num(r.won), value: num(r.value) }));
  return { rows: out, totals: { won: out.reduce((n, r) => n + r.won, 0), value: out.reduce((n, r) => n + r.value, 0) } };
}
