// Lost opportunities (战败) per loss reason, with the value lost.
import { num, type ReportContext } from '../context';

export default async function lossReasons(c: ReportContext) {
  const { knex } = c;
  const reason = c.col('opportunities', 'lossReason');
  const value = c.col('opportunities', 'estimatedValue');
  const rows: any[] = await knex(c.table('opportunities'))
    .whereIn('id', c.ids('opportunities', 'createdAt', [{ opportunityStatus: { $eq: 'lost' } }]))
    .groupBy(reason).select(knex.raw(`${reason} as reason`), knex.raw('count(*) as lost'), knex.raw(`sum(coalesce(${value}, 0)) as value`));
  const out = rows.map((r) => ({ reason: r.reason ?? null, lost: num(r.lost), value: num(r.value) }))
    .sort((a, b) => b.lost - a.lost || String(a.reason).localeCompare(String(b.reason)));
  return { rows: out, totals: { lost: out.reduce((n, r) => n + r.lost, 0), value: out.reduce((n, r) => n + r.value, 0) } };
}
