// Reception's visit log per CRM-zone day (客流): walk-ins and calls, people, contact details
// left or not, and how many became leads. Counts every entry, with or without a lead.
import { num, type ReportContext } from '../context';

export default async function traffic(c: ReportContext) {
  const { knex } = c;
  const col = (a: string) => `v.${c.col('visit-logs', a)}`;
  const link = c.link('visit-logs', 'lead');
  const day = c.period(col('visitedAt'), 'day');
  const rows: any[] = await knex(`${c.table('visit-logs')} as v`)
    .leftJoin(`${link.table} as k`, `k.${link.own}`, 'v.id')
    .whereIn('v.id', c.ids('visit-logs', 'visitedAt'))
    .groupByRaw(day).orderByRaw(day)
    .select(knex.raw(`${day} as day`), knex.raw('count(*) as visits'),
      knex.raw(`sum(case when ${col('kind')} = 'walk-in' then 1 else 0 end) as "walkIns"`),
      knex.raw(`sum(case when ${col('kind')} = 'call' then 1 else 0 end) as calls`),
      knex.raw(`sum(coalesce(${col('partySize')}, 1)) as people`),
      knex.raw(`sum(case when ${col('contactLeft')} then 1 else 0 end) as "withContact"`),
      knex.raw(`sum(case when k.${link.other} is not null then 1 else 0 end) as converted`));
  const keys = ['visits', 'walkIns', 'calls', 'people', 'withContact', 'converted'] as const;
  const out = rows.map((r) => ({
    day: r.day, ...Object.fromEntries(keys.map((k) => [k, num(r[k])])),
    withoutContact: num(r.visits) - num(r.withContact),
  })) as Record<string, any>[];
  const totals: Record<string, number> = Object.fromEntries([...keys, 'withoutContact'].map((k) => [k, out.reduce((n, r) => n + r[k], 0)]));
  return { rows: out, totals };
}
