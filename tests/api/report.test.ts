// Reports (GET /api/crm/reports/<name>) against a fixture whose numbers are worked out by hand
// below, for each kind of reader: admin (all), a store manager (the store), consultants (own),
// reception (what it logged) and marketing (aggregates). A consultant's report never counts a
// colleague's record, whatever the filter. One boot; runs on SQLite and PostgreSQL.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
const c: Record<string, Client> = {};
const id: Record<string, number> = {};
let seq = 0;
const mobile = () => `1391234${String(++seq).padStart(4, '0')}`;
const ZONE = 'Asia/Shanghai';
/** The CRM-zone calendar day of an instant, `YYYY-MM-DD`. */
const dayOf = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(t));
const today = dayOf(Date.now());
const yesterday = dayOf(Date.now() - 86400000);
const HOUR = 3600000;

const report = async (who: string, name: string, params: Record<string, unknown> = {}) => {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const res = await c[who].get(`/api/crm/reports/${name}${q ? `?${q}` : ''}`);
  if (res.status !== 200) throw new Error(`${who} ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { rows: any[]; totals: Record<string, number> };
};

async function post(who: string, url: string, body: unknown, status = 201) {
  const res = await c[who].post(url, body);
  if (res.status !== status) throw new Error(`${who} POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const lead = (who: string, body: Record<string, unknown>) => post(who, '/api/crm/leads', { subject: '咨询', mobile: mobile(), ...body });
const customer = (who: string, body: Record<string, unknown>) => post(who, '/api/crm/customers', { name: `客户${seq}`, mobile: mobile(), ...body });
const opportunity = (who: string, customerId: number, estimatedValue: number) =>
  post(who, '/api/crm/opportunities', { customer: customerId, product: '滨江壹号', estimatedValue });
const interaction = (who: string, customerId: number, start: number) =>
  post(who, '/api/crm/interactions', { kind: 'phone', subject: '回访', state: 'planned', start: new Date(start).toISOString(), customer: customerId });

beforeAll(async () => {
  app = await bootApp();
  id.admin = await app.staff('admin', 'admin');
  c.admin = await app.as('admin');
  id.storeA = (await post('admin', '/api/crm/departments', { name: '滨江店' })).id;
  id.storeB = (await post('admin', '/api/crm/departments', { name: '西湖店' })).id;
  id.manager = await app.staff('manager', 'sales-manager', { department: id.storeA });
  id.sales1 = await app.staff('sales1', 'sales', { department: id.storeA });
  id.sales2 = await app.staff('sales2', 'sales', { department: id.storeA });
  id.reception = await app.staff('reception', 'reception', { department: id.storeA });
  id.sales3 = await app.staff('sales3', 'sales', { department: id.storeB });
  id.marketing = await app.staff('marketing', 'marketing');
  for (const who of ['manager', 'sales1', 'sales2', 'reception', 'sales3', 'marketing']) c[who] = await app.as(who);

  // sales1: L1 网络 converted and won (100000), L2 网络 active, L3 来电 closed;
  // customers C1a (A, 制造, 浙江杭州, hot) and C1b (B, 制造, 浙江宁波) with an open opportunity.
  const l1 = await lead('sales1', { source: '网络', level: 'A', targetCustomer: '张三' });
  const conv1 = await post('sales1', `/api/crm/leads/${l1.id}/convert`, { estimatedValue: 100000 }, 200);
  await post('sales1', `/api/crm/opportunities/${conv1.opportunity.id}/win`, {}, 200);
  await lead('sales1', { source: '网络', level: 'B' });
  const l3 = await lead('sales1', { source: '来电', level: 'C' });
  await post('sales1', `/api/crm/leads/${l3.id}/close`, { reason: '需求不匹配' }, 200);
  const c1a = await customer('sales1', { level: 'A', industry: '制造', province: '浙江', city: '杭州', hot: true });
  id.c1a = c1a.id;
  const c1b = await customer('sales1', { level: 'B', industry: '制造', province: '浙江', city: '宁波' });
  await opportunity('sales1', c1b.id, 50000);
  // sales1's follow-ups: I1 late, I2 on time, I3 overdue, I4 not yet due, I5 cancelled
  const now = Date.now();
  const i1 = await interaction('sales1', c1a.id, now - 3 * 24 * HOUR);
  const i2 = await interaction('sales1', c1a.id, now - HOUR);
  await interaction('sales1', c1a.id, now - 2 * HOUR);
  await interaction('sales1', c1a.id, now + 24 * HOUR);
  const i5 = await interaction('sales1', c1a.id, now + 48 * HOUR);
  for (const i of [i1, i2]) await post('sales1', `/api/crm/interactions/${i.id}/complete`, { outcome: '已联系' }, 200);
  await post('sales1', `/api/crm/interactions/${i5.id}/cancel`, {}, 200);

  // sales2: L4 来电 active; C2 (A, 金融, 上海上海) whose 30000 opportunity is lost for 价格; I6 on time.
  await lead('sales2', { source: '来电', level: 'A' });
  const c2 = await customer('sales2', { level: 'A', industry: '金融', province: '上海', city: '上海' });
  const o3 = await opportunity('sales2', c2.id, 30000);
  await post('sales2', `/api/crm/opportunities/${o3.id}/request-loss`, { reason: '价格原因' }, 200);
  await post('manager', `/api/crm/opportunities/${o3.id}/approve-loss`, {}, 200);
  const i6 = await interaction('sales2', c2.id, now - HOUR);
  await post('sales2', `/api/crm/interactions/${i6.id}/complete`, { outcome: '已联系' }, 200);

  // sales3 (the other store): L5 网络 (level B) converted and won (70000); C3 (A, 制造, 浙江杭州)
  // whose 20000 opportunity is lost for 价格; I7 overdue.
  const l5 = await lead('sales3', { source: '网络', level: 'B', targetCustomer: '李四' });
  const conv5 = await post('sales3', `/api/crm/leads/${l5.id}/convert`, { estimatedValue: 70000 }, 200);
  await post('sales3', `/api/crm/opportunities/${conv5.opportunity.id}/win`, {}, 200);
  const c3 = await customer('sales3', { level: 'A', industry: '制造', province: '浙江', city: '杭州' });
  const o4 = await opportunity('sales3', c3.id, 20000);
  await post('sales3', `/api/crm/opportunities/${o4.id}/request-loss`, { reason: '价格原因' }, 200);
  await post('admin', `/api/crm/opportunities/${o4.id}/approve-loss`, {}, 200);
  await interaction('sales3', c3.id, now - 2 * HOUR);

  // reception: today V1 walk-in of 2 with contact, V2 call without, V3 walk-in of 3 with contact
  // turned into lead L6 (到访) for sales2; yesterday V4 walk-in of 1 without contact. 00:30 in
  // the CRM zone is the previous day in UTC: the day must be the CRM zone's.
  const visit = (day: string, body: Record<string, unknown>) => post('reception', '/api/crm/visit-logs', { visitedAt: `${day}T00:30`, ...body });
  await visit(today, { kind: 'walk-in', partySize: 2, contactLeft: true, name: '王五', mobile: mobile() });
  await visit(today, { kind: 'call', partySize: 1, contactLeft: false });
  const v3 = await visit(today, { kind: 'walk-in', partySize: 3, contactLeft: true, name: '赵六', mobile: mobile() });
  await post('reception', `/api/crm/visit-logs/${v3.id}/to-lead`, { owner: id.sales2 }, 200);
  await visit(yesterday, { kind: 'walk-in', partySize: 1, contactLeft: false });
}, 600000);
afterAll(() => app?.stop());

const byKey = (rows: any[], ...keys: string[]) => Object.fromEntries(rows.map((r) => [keys.map((k) => r[k] ?? '-').join('/'), r]));

describe('funnel', () => {
  it('counts leads, qualified, opportunities and wins per reader', async () => {
    const want = {
      admin: { leads: 6, qualified: 2, opportunities: 5, won: 2, wonValue: 170000 },
      marketing: { leads: 6, qualified: 2, opportunities: 5, won: 2, wonValue: 170000 },
      manager: { leads: 5, qualified: 1, opportunities: 3, won: 1, wonValue: 100000 },
      sales1: { leads: 3, qualified: 1, opportunities: 2, won: 1, wonValue: 100000 },
      sales2: { leads: 2, qualified: 0, opportunities: 1, won: 0, wonValue: 0 },
      sales3: { leads: 1, qualified: 1, opportunities: 2, won: 1, wonValue: 70000 },
    };
    for (const [who, totals] of Object.entries(want)) expect([who, (await report(who, 'funnel')).totals]).toMatchObject([who, totals]);
    const admin = await report('admin', 'funnel');
    expect(admin.rows).toEqual([
      { step: 'leads', count: 6, rate: 1 },
      { step: 'qualified', count: 2, rate: 0.3333 },
      { step: 'opportunities', count: 5, rate: 0.8333 },
      { step: 'won', count: 2, rate: 0.4 },
    ]);
  });

  it('filters by department, owner and date range; a consultant never sees a colleague through a filter', async () => {
    expect((await report('admin', 'funnel', { department: id.storeA })).totals).toMatchObject({ leads: 5, opportunities: 3, won: 1 });
    expect((await report('admin', 'funnel', { owner: id.sales1 })).totals).toMatchObject({ leads: 3, opportunities: 2, won: 1 });
    expect((await report('admin', 'funnel', { department: id.storeA, owner: id.sales3 })).totals).toMatchObject({ leads: 0, opportunities: 0 });
    expect((await report('manager', 'funnel', { department: id.storeB })).totals).toMatchObject({ leads: 0, opportunities: 0, won: 0 });
    expect((await report('sales1', 'funnel', { owner: id.sales2 })).totals).toMatchObject({ leads: 0, opportunities: 0, won: 0 });
    expect((await report('sales1', 'funnel', { department: id.storeA })).totals).toMatchObject({ leads: 3, opportunities: 2 });
    expect((await report('admin', 'funnel', { from: today, to: today })).totals).toMatchObject({ leads: 6, opportunities: 5 });
    expect((await report('admin', 'funnel', { from: '2020-01-01', to: yesterday })).totals).toMatchObject({ leads: 0, opportunities: 0, won: 0, wonValue: 0 });
  });
});

describe('sources, levels, industries, regions, loss reasons, wins by month', () => {
  it('groups leads and wins by source', async () => {
    const admin = await report('admin', 'sources');
    expect(byKey(admin.rows, 'source')).toEqual({
      网络: { source: '网络', leads: 3, qualified: 2, won: 2, wonValue: 170000 },
      来电: { source: '来电', leads: 2, qualified: 0, won: 0, wonValue: 0 },
      到访: { source: '到访', leads: 1, qualified: 0, won: 0, wonValue: 0 },
    });
    expect(admin.totals).toEqual({ leads: 6, qualified: 2, won: 2, wonValue: 170000 });
    expect((await report('marketing', 'sources')).rows).toEqual(admin.rows);
    expect(byKey((await report('sales1', 'sources')).rows, 'source')).toEqual({
      网络: { source: '网络', leads: 2, qualified: 1, won: 1, wonValue: 100000 },
      来电: { source: '来电', leads: 1, qualified: 0, won: 0, wonValue: 0 },
    });
  });

  it('groups customers by level, industry and region', async () => {
    // customers: sales1 张三 (A, converted, deal), C1a (A 制造 浙江杭州 hot), C1b (B 制造 浙江宁波);
    // sales2 C2 (A 金融 上海上海); sales3 李四 (B, converted, deal), C3 (A 制造 浙江杭州)
    const levels = await report('admin', 'levels');
    expect(byKey(levels.rows, 'level')).toEqual({
      A: { level: 'A', customers: 4, deals: 1, hot: 1 },
      B: { level: 'B', customers: 2, deals: 1, hot: 0 },
    });
    expect(levels.totals).toEqual({ customers: 6, deals: 2, hot: 1 });
    expect(byKey((await report('manager', 'levels')).rows, 'level')).toEqual({
      A: { level: 'A', customers: 3, deals: 1, hot: 1 },
      B: { level: 'B', customers: 1, deals: 0, hot: 0 },
    });
    expect(byKey((await report('sales2', 'levels')).rows, 'level')).toEqual({ A: { level: 'A', customers: 1, deals: 0, hot: 0 } });
    const industries = await report('admin', 'industries');
    expect(byKey(industries.rows, 'industry')).toEqual({
      制造: { industry: '制造', customers: 3, deals: 0, hot: 1 },
      金融: { industry: '金融', customers: 1, deals: 0, hot: 0 },
      '-': { industry: null, customers: 2, deals: 2, hot: 0 },
    });
    expect(byKey((await report('sales1', 'industries')).rows, 'industry')).toEqual({
      制造: { industry: '制造', customers: 2, deals: 0, hot: 1 },
      '-': { industry: null, customers: 1, deals: 1, hot: 0 },
    });
    const regions = await report('admin', 'regions');
    expect(Object.fromEntries(regions.rows.map((r) => [`${r.province}/${r.city}`, r.customers]))).toEqual({
      '浙江/杭州': 2, '浙江/宁波': 1, '上海/上海': 1, 'null/null': 2,
    });
    expect(regions.rows[0]).toMatchObject({ province: '浙江', city: '杭州', customers: 2 });
  });

  it('groups lost opportunities by reason and wins by month', async () => {
    expect(await report('admin', 'loss-reasons')).toEqual({ rows: [{ reason: '价格原因', lost: 2, value: 50000 }], totals: { lost: 2, value: 50000 } });
    expect((await report('manager', 'loss-reasons')).rows).toEqual([{ reason: '价格原因', lost: 1, value: 30000 }]);
    expect((await report('sales1', 'loss-reasons')).rows).toEqual([]);
    const month = today.slice(0, 7);
    expect(await report('admin', 'won-by-month')).toEqual({ rows: [{ month, won: 2, value: 170000 }], totals: { won: 2, value: 170000 } });
    expect((await report('sales1', 'won-by-month')).rows).toEqual([{ month, won: 1, value: 100000 }]);
    expect((await report('sales2', 'won-by-month')).rows).toEqual([]);
    expect((await report('admin', 'won-by-month', { from: '2020-01-01', to: yesterday })).rows).toEqual([]);
  });
});

describe('follow-ups and traffic', () => {
  it('counts planned, done on time, late and overdue follow-ups per consultant', async () => {
    const admin = await report('admin', 'follow-ups');
    expect(byKey(admin.rows, 'name')).toEqual({
      sales1: { owner: id.sales1, name: 'sales1', planned: 4, done: 2, onTime: 1, late: 1, overdue: 1, onTimeRate: 0.25 },
      sales2: { owner: id.sales2, name: 'sales2', planned: 1, done: 1, onTime: 1, late: 0, overdue: 0, onTimeRate: 1 },
      sales3: { owner: id.sales3, name: 'sales3', planned: 1, done: 0, onTime: 0, late: 0, overdue: 1, onTimeRate: 0 },
    });
    expect(admin.totals).toEqual({ planned: 6, done: 3, onTime: 2, late: 1, overdue: 2, onTimeRate: 0.3333 });
    expect((await report('manager', 'follow-ups')).rows.map((r) => r.name).sort()).toEqual(['sales1', 'sales2']);
    expect((await report('sales2', 'follow-ups')).rows.map((r) => r.name)).toEqual(['sales2']);
    // dated by the planned start: three days ago there was only I1
    const threeDaysAgo = dayOf(Date.now() - 3 * 24 * HOUR);
    expect((await report('sales1', 'follow-ups', { from: threeDaysAgo, to: threeDaysAgo })).totals).toMatchObject({ planned: 1, done: 1, late: 1 });
  });

  it("counts reception's visit log per CRM-zone day", async () => {
    const want = {
      rows: [
        { day: yesterday, visits: 1, walkIns: 1, calls: 0, people: 1, withContact: 0, withoutContact: 1, converted: 0 },
        { day: today, visits: 3, walkIns: 2, calls: 1, people: 6, withContact: 2, withoutContact: 1, converted: 1 },
      ],
      totals: { visits: 4, walkIns: 3, calls: 1, people: 7, withContact: 2, withoutContact: 2, converted: 1 },
    };
    expect(await report('reception', 'traffic')).toEqual(want);
    expect(await report('admin', 'traffic')).toEqual(want);
    expect(await report('manager', 'traffic')).toEqual(want);
    expect((await report('reception', 'traffic', { from: today })).rows).toEqual([want.rows[1]]);
  });
});

describe('refusals', () => {
  it('refuses reports over records the role may not count, and bad parameters, naming them', async () => {
    const status = async (who: string, url: string) => {
      const res = await c[who].get(url);
      return [res.status, res.body?.error?.details?.code, res.body?.error?.details?.field ?? res.body?.error?.details?.param];
    };
    expect(await status('sales1', '/api/crm/reports/traffic')).toEqual([403, 'forbidden', undefined]);
    expect(await status('reception', '/api/crm/reports/funnel')).toEqual([403, 'forbidden', undefined]);
    expect(await status('marketing', '/api/crm/reports/follow-ups')).toEqual([403, 'forbidden', undefined]);
    expect(await status('admin', '/api/crm/reports/nope')).toEqual([404, 'unknown_report', 'name']);
    expect(await status('admin', '/api/crm/reports/funnel?from=2026-02-30')).toEqual([400, 'invalid_date', 'from']);
    expect(await status('admin', '/api/crm/reports/funnel?owner=abc')).toEqual([400, 'invalid_id', 'owner']);
    expect(await status('admin', '/api/crm/reports/funnel?from=2026-02-03&to=2026-02-01')).toEqual([400, 'invalid_query', 'to']);
    expect(await status('admin', '/api/crm/reports/funnel?sort=x')).toEqual([400, 'invalid_query', 'sort']);
    expect((await app.http().get('/api/crm/reports/funnel')).status).toBe(401);
  });
});

describe('funnel: days per stage', () => {
  // Three opportunities of sales1, created 40 days ago (T) in the first stage, moved on; their stage
  // history (audit events) is dated by hand below, in days after creation:
  //   A: second stage at T+2, third at T+5   → stays: first 2, second 3
  //   B: second stage at T+4, third at T+5   → stays: first 4, second 1
  //   C: second stage at T+9 (still there)   → stays: first 9
  // medians: first stage [2, 4, 9] → 4 days; second [1, 3] → 2 days; the third has no finished stay.
  it('answers the median days per stage from the stage history, for the reader and the date range', async () => {
    const stages = (await c.admin.get(`/api/crm/stages?${listQuery({ sort: ['order', 'ASC'] })}`).expect(200)).body;
    const [s1, s2, s3] = stages;
    const T = Date.now() - 40 * 24 * HOUR;
    const moves: Record<string, number[]> = { A: [2, 5], B: [4, 5], C: [9] };
    const knex = app.strapi.db.connection;
    const created: number[] = [];
    for (const days of Object.values(moves)) {
      const o = await opportunity('sales1', id.c1a, 1000);
      created.push(o.id);
      expect(o.stage).toBe(s1.id);
      for (const stage of [s2, s3].slice(0, days.length)) await post('sales1', `/api/crm/opportunities/${o.id}/move`, { stage: stage.id }, 200);
      // scaffolding: the history happened in the past (time cannot be moved otherwise)
      await knex('opportunities').where({ id: o.id }).update({ created_at: new Date(T) });
      const events = await knex('audit_events').where({ resource: 'opportunities', record_id: o.id, field: 'stage' }).orderBy('id').select('id');
      expect(events).toHaveLength(days.length);
      for (const [i, e] of events.entries()) await knex('audit_events').where({ id: e.id }).update({ created_at: new Date(T + days[i] * 24 * HOUR) });
    }
    const day = dayOf(T);
    const r = await report('admin', 'funnel', { from: day, to: day }) as any;
    expect(r.totals).toMatchObject({ opportunities: 3 });
    expect(r.stages).toEqual([
      { stage: s1.id, name: s1.name, stays: 3, medianDays: 4 },
      { stage: s2.id, name: s2.name, stays: 2, medianDays: 2 },
    ]);
    expect(((await report('sales1', 'funnel', { from: day, to: day })) as any).stages).toEqual(r.stages);
    // a colleague counts none of them
    expect(((await report('sales2', 'funnel', { from: day, to: day })) as any).stages).toEqual([]);
  });
});
