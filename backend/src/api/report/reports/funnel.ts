// Leads → qualified (converted) → opportunities → won, with the rate of each step.
import { num, rate, type ReportContext } from '../context';

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
    rows: [
      { step: 'leads', count: leads, rate: leads ? 1 : 0 },
      { step: 'qualified', count: qualified, rate: rate(qualified, leads) },
      { step: 'opportunities', count: opportunities, rate: rate(opportunities, leads) },
      { step: 'won', count: wonCount, rate: rate(wonCount, opportunities) },
    ],
    totals: { leads, qualified, opportunities, won: wonCount, wonValue: num(opp?.v), conversion: rate(wonCount, leads) },
  };
}
