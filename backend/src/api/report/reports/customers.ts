// Customers by level (maturity), by industry and by region (province, city): 下属客户分析.
import { num, type ReportContext } from '../context';

// ties by name, records without the value last
const sortKey = (r: Record<string, unknown>, attrs: string[]) => attrs.map((k) => (r[k] == null ? '\uffff' : String(r[k]))).join('/');

async function grouped(c: ReportContext, attrs: string[]) {
  const { knex } = c;
  const cols = attrs.map((a) => c.col('customers', a));
  const type = c.col('customers', 'type');
  const hot = c.col('customers', 'hot');
  const rows: any[] = await knex(c.table('customers')).whereIn('id', c.ids('customers')).groupBy(cols)
    .select(...cols.map((col, i) => knex.raw(`${col} as ??`, [attrs[i]])), knex.raw('count(*) as customers'),
      knex.raw(`sum(case when ${type} = 'deal' then 1 else 0 end) as deals`),
      knex.raw(`sum(case when ${hot} then 1 else 0 end) as hot`));
  const out = rows.map((r) => ({
    ...Object.fromEntries(attrs.map((a) => [a, r[a] ?? null])),
    customers: num(r.customers), deals: num(r.deals), hot: num(r.hot),
  })).sort((a, b) => b.customers - a.customers || sortKey(a, attrs).localeCompare(sortKey(b, attrs)));
  const sum = (k: 'customers' | 'deals' | 'hot') => out.reduce((n, r) => n + r[k], 0);
  return { rows: out, totals: { customers: sum('customers'), deals: sum('deals'), hot: sum('hot') } };
}

export const levels = (c: ReportContext) => grouped(c, ['level']);
export const industries = (c: ReportContext) => grouped(c, ['industry']);
export const regions = (c: ReportContext) => grouped(c, ['province', 'city']);
