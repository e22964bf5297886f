// Leads and wins per source (认知途径): a win counts for the source of the lead it came from.
import { num, type ReportContext } from '../context';

export default async function sources(c: ReportContext) {
  const { knex } = c;
  const leads = c.table('leads');
  const src = c.col('leads', 'source');
  const status = c.col('leads', 'leadStatus');
  const byLead: any[] = await knex(leads).whereIn('id', c.ids('leads')).groupBy(src)
    .select(knex.raw(`${src} as source`), knex.raw('count(*) as leads'), knex.raw(`sum(case when ${status} = 'qualified' then 1 else 0 end) as qualified`));
  const opps = c.table('opportunities');
  const link = c.link('opportunities', 'lead');
  const os = c.col('opportunities', 'opportunityStatus');
  const value = c.col('opportunities', 'estimatedValue');
  const wins: any[] = await knex(`${opps} as o`)
    .join(`${link.table} as k`, `k.${link.own}`, 'o.id')
    .join(`${leads} as l`, 'l.id', `k.${link.other}`)
    .whereIn('o.id', c.ids('opportunities')).whereIn(`o.${os}`, ['won', 'closed'])
    .groupBy(`l.${src}`)
    .select(knex.raw(`l.${src} as source`), knex.raw('count(*) as won'), knex.raw(`sum(coalesce(o.${value}, 0)) as value`));
  const rows = new Map<string | null, { source: string | null; leads: number; qualified: number; won: number; wonValue: number }>();
  const row = (s: string | null) => rows.get(s) ?? rows.set(s, { source: s, leads: 0, qualified: 0, won: 0, wonValue: 0 }).get(s)!;
  for (const r of byLead) Object.assign(row(r.source ?? null), { leads: num(r.leads), qualified: num(r.qualified) });
  for (const r of wins) Object.assign(row(r.source ?? null), { won: num(r.won), wonValue: num(r.value) });
  const out = [...rows.values()].sort((a, b) => b.leads - a.leads || b.won - a.won || String(a.source).localeCompare(String(b.source)));
  const sum = (k: 'leads' | 'qualified' | 'won' | 'wonValue') => out.reduce((n, r) => n + r[k], 0);
  return { rows: out, totals: { leads: sum('leads'), qualified: sum('qualified'), won: sum('won'), wonValue: sum('wonValue') } };
}
