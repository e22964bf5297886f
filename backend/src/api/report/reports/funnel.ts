// Leads → qualified (converted) → opportunities → won, with the rate of each step, and the
// median days an opportunity spends in each pipeline stage.
import { num, rate, type ReportContext } from '../context';

const DAY_MS = 86400000;

export const WON = ['won', 'closed'];

export default async function funnel(c: ReportContext) {
  const { knex } = c;
  const status = c.col('leads', 'leadStatus');
  const lead: any = await knex(c.table('leads')).whereIn('id', c.ids('leads'))
    .first(knex.raw('count(*) as n'), knex.raw(`sum(case when ${status} = 'qualified' then 1 else 0 end) as q`));
  const os = c.col('opportunities', 'opportunityStatus');
  const value = c.col('opportunities', 'estimatedValue');
  const won = `${os} in ('won', 'closed')`;
  const opp: any = await knex(c.table('opportunities')).whereIn('id', c.ids('opportunities'))
    .first(knex.raw('count(*) as n'), knex.raw(`sum(case when ${won} then 1 else 0 end) as w`),
      knex.raw(`sum(case when ${won} then coalesce(${value}, 0) else 0 end) as v`));
  const leads = num(lead?.n);
  const qualified = num(lead?.q);
  const opportunities = num(opp?.n);
  const wonCount = num(opp?.w);
  return {
    stages: await stageDays(c),
    rows: [
      { step: 'leads', count: leads, rate: leads ? 1 : 0 },
      { step: 'qualified', count: qualified, rate: rate(qualified, leads) },
      { step: 'opportunities', count: opportunities, rate: rate(opportunities, leads) },
      { step: 'won', count: wonCount, rate: rate(wonCount, opportunities) },
    ],
    totals: { leads, qualified, opportunities, won: wonCount, wonValue: num(opp?.v), conversion: rate(wonCount, leads) },
  };
}

/**
 * Median days per stage, from the opportunities' stage history in the audit trail: each stage
 * change (`stage`: from → to) ends a stay in `from` that began at the previous change, or at the
 * opportunity's creation. Only finished stays count (a stay still running has no length yet).
 * Over the opportunities the caller may count; the median in SQL (window functions, both databases).
 */
async function stageDays(c: ReportContext) {
  const { knex } = c;
  const at = c.col('audit-events', 'createdAt');
  const rec = c.col('audit-events', 'recordId');
  const from = c.auditValue(`e.${c.col('audit-events', 'fromValue')}`);
  const opps = c.table('opportunities');
  const created = `o.${c.col('opportunities', 'createdAt')}`;
  const ms = (expr: string) => (c.dialect === 'postgres' ? `extract(epoch from ${expr}) * 1000` : expr);
  const changes = knex(`${c.table('audit-events')} as e`)
    .join(`${opps} as o`, 'o.id', `e.${rec}`)
    .where(`e.${c.col('audit-events', 'resource')}`, 'opportunities')
    .where(`e.${c.col('audit-events', 'field')}`, 'stage')
    .whereIn(`e.${rec}`, c.ids('opportunities'))
    .select(knex.raw(`${from} as stage`), knex.raw(`(${ms(`e.${at}`)} - ${ms(`coalesce(lag(e.${at}) over (partition by e.${rec} order by e.${at}, e.id), ${created})`)}) / ${DAY_MS}.0 as days`));
  const ranked = knex.from(changes.as('s')).whereNotNull('stage')
    .select('stage', 'days', knex.raw('row_number() over (partition by stage order by days) as rn'), knex.raw('count(*) over (partition by stage) as cnt'));
  const medians: any[] = await knex.from(ranked.as('r'))
    .whereRaw('rn in ((cnt + 1) / 2, (cnt + 2) / 2)')
    .groupBy('stage', 'cnt')
    .select('stage', 'cnt', knex.raw('avg(days) as median'));
  const names = new Map<string, any>((await knex(c.table('stages')).select('id', c.col('stages', 'name'), c.col('stages', 'order'))).map((s: any) => [String(s.id), s]));
  return medians
    .map((m) => ({ stage: Number(m.stage), name: names.get(String(m.stage))?.name ?? null, order: names.get(String(m.stage))?.order ?? null, stays: num(m.cnt), medianDays: Math.round(num(m.median) * 10) / 10 }))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.stage - b.stage)
    .map(({ order: _o, ...r }) => r);
}
