// Custom fields added by an admin at run time: validated on every write path at once, filtered
// and sorted through the one visibility scope, each value change its own audit event.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { usesPostgres } from '../helpers/database';

let app: TestApp;
let admin: Client, sales1: Client, sales2: Client;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  await app.staff('sales2', 'sales');
  [admin, sales1, sales2] = await Promise.all([app.as('admin'), app.as('sales1'), app.as('sales2')]);
  await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'budget', label: '预算', labelEn: 'Budget', type: 'number', filterable: true }).expect(201);
  await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'district', label: '意向区域', type: 'select', options: ['滨江', '西湖', '余杭'], filterable: true }).expect(201);
  await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'remark', label: '备注', type: 'text' }).expect(201);
  await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'features', label: '卖点', type: 'multiselect', options: ['学区', '地铁', '精装'], filterable: true }).expect(201);
});
afterAll(() => app?.stop());

const lead = (c: Client, custom: Record<string, unknown>, subject = '自定义字段线索') => c.post('/api/crm/leads', { subject, custom });
const list = (c: Client, p: Record<string, unknown>) => c.get(`/api/crm/leads?${listQuery(p)}`);

describe('validation on every write path', () => {
  it('stores typed values at once, without a restart', async () => {
    const res = await lead(sales1, { budget: '1500000', district: '滨江', remark: '看重学区' }).expect(201);
    expect(res.body.custom).toEqual({ budget: 1500000, district: '滨江', remark: '看重学区' });
  });

  it.each([
    ['budget', { budget: 'lots' }, 'invalid_type'],
    ['district', { district: '上城' }, 'not_an_option'],
    ['nosuch', { nosuch: 1 }, 'unknown_field'],
    ['remark', { remark: 'a\u202eb' }, 'control_characters'],
  ])('refuses custom.%s, naming it, creating nothing', async (key, custom, code) => {
    const before = (await admin.get('/api/crm/leads')).headers['content-range'];
    const res = await lead(sales1, custom);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ field: `custom.${key}`, code });
    expect(res.body.error.message).toContain(`custom.${key}`);
    expect((await admin.get('/api/crm/leads')).headers['content-range']).toBe(before);
  });

  it('refuses the same through a plain PUT and the Document Service (Strapi\'s admin panel)', async () => {
    const rec = (await lead(sales1, { budget: 1 }).expect(201)).body;
    const put = await sales1.put(`/api/crm/leads/${rec.id}`, { ...rec, custom: { budget: 'x' } });
    expect(put.body.error.details).toMatchObject({ field: 'custom.budget', code: 'invalid_type' });
    const row = await app.strapi.db.query('api::lead.lead').findOne({ where: { id: rec.id } });
    await expect(app.strapi.documents('api::lead.lead').update({ documentId: row.documentId, data: { custom: { district: '火星' } } }))
      .rejects.toMatchObject({ status: 400, details: { field: 'custom.district', code: 'not_an_option' } });
    expect((await sales1.get(`/api/crm/leads/${rec.id}`)).body.custom).toEqual({ budget: 1 });
  });

  it('enforces a required field added later; deactivating it stops that and keeps the values', async () => {
    const field = (await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'channel_code', label: '渠道编码', type: 'text', required: true }).expect(201)).body;
    const missing = await lead(sales1, { budget: 2 });
    expect(missing.body.error.details).toMatchObject({ field: 'custom.channel_code', code: 'required' });
    const kept = (await lead(sales1, { channel_code: 'DY-01' }).expect(201)).body;
    await admin.put(`/api/crm/custom-fields/${field.id}`, { ...field, active: false }).expect(200);
    await lead(sales1, { budget: 3 }).expect(201);
    const again = (await sales1.get(`/api/crm/leads/${kept.id}`)).body;
    expect(again.custom.channel_code).toBe('DY-01');
    const change = await sales1.put(`/api/crm/leads/${kept.id}`, { ...again, custom: { ...again.custom, channel_code: 'DY-02' } });
    expect(change.body.error.details).toMatchObject({ field: 'custom.channel_code', code: 'custom_field_inactive' });
    await sales1.put(`/api/crm/leads/${kept.id}`, { ...again, description: '值仍在' }).expect(200);
  });

  it('sees a definition another instance wrote into the database at once', async () => {
    // another instance: a row this process never wrote through its own services
    const table = app.strapi.db.getConnection('custom_fields');
    const now = new Date(Date.now() + 1000);
    await table.insert({ document_id: 'other-instance', entity: 'lead', key: 'floor', label: '楼层', type: 'number', required: false, filterable: false, active: true, order: 0, version: 1, created_at: now, updated_at: now });
    const res = await lead(sales1, { floor: 'top' });
    expect(res.body.error.details).toMatchObject({ field: 'custom.floor', code: 'invalid_type' });
    await lead(sales1, { floor: 12 }).expect(201);
  });
});

describe('definitions', () => {
  it('keeps the key stable and unique per record kind, options only for choices', async () => {
    const f = (await admin.get(`/api/crm/custom-fields?${listQuery({ filter: { key: 'budget' } })}`)).body[0];
    expect((await admin.put(`/api/crm/custom-fields/${f.id}`, { ...f, key: 'budget2' })).body.error.details).toMatchObject({ field: 'key', code: 'immutable' });
    expect((await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'budget', label: '重复', type: 'number' })).body.error.details).toMatchObject({ field: 'key', code: 'key_taken' });
    expect((await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'Bad Key', label: 'x', type: 'text' })).body.error.details).toMatchObject({ field: 'key', code: 'invalid_key' });
    expect((await admin.post('/api/crm/custom-fields', { entity: 'lead', key: 'pick', label: 'x', type: 'select', options: [] })).body.error.details).toMatchObject({ field: 'options', code: 'invalid_options' });
    expect((await sales1.post('/api/crm/custom-fields', { entity: 'lead', key: 'mine', label: 'x', type: 'text' })).status).toBe(403);
    // a customer may have its own `budget`
    await admin.post('/api/crm/custom-fields', { entity: 'customer', key: 'budget', label: '预算', type: 'number' }).expect(201);
  });

  it('refuses deleting a field that records hold values of', async () => {
    const f = (await admin.get(`/api/crm/custom-fields?${listQuery({ filter: { key: 'remark' } })}`)).body[0];
    const res = await admin.del(`/api/crm/custom-fields/${f.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ code: 'custom_field_in_use', count: expect.any(Number) });
    expect((await admin.get(`/api/crm/custom-fields/${f.id}`)).status).toBe(200);
  });
});

describe('filter, sort and search through the one scope', () => {
  let mine: number[];
  beforeAll(async () => {
    mine = [];
    for (const [budget, district, features] of [[900000, '滨江', ['学区']], [3000000, '西湖', ['地铁', '学区']], [1200000, '滨江', []]] as const) {
      mine.push((await lead(sales2, { budget, district, features, remark: '筛选样本' }, '二号的线索').expect(201)).body.id);
    }
    await lead(sales1, { budget: 99000000, district: '滨江', features: ['学区'], remark: '筛选样本' }, '一号的线索').expect(201);
  });

  it('filters by range and option, counting only what the caller may see', async () => {
    const res = await list(sales2, { filter: { 'custom.budget_gte': 1000000, q: '筛选样本' } }).expect(200);
    expect(res.body.map((r: any) => r.custom.budget).sort()).toEqual([1200000, 3000000]);
    expect(res.headers['content-range']).toMatch(/\/2$/);
    const eq = await list(sales2, { filter: { 'custom.district': '滨江', q: '筛选样本' } }).expect(200);
    expect(eq.body.map((r: any) => r.id).sort()).toEqual([mine[0], mine[2]].sort());
    // the colleague's 99,000,000 is there, but not for sales2
    const big = await list(sales2, { filter: { 'custom.budget_gte': 50000000 } }).expect(200);
    expect(big.headers['content-range']).toMatch(/\/0$/);
    expect((await list(admin, { filter: { 'custom.budget_gte': 50000000 } })).headers['content-range']).toMatch(/\/1$/);
  });

  it('filters by one of several options, an exact number and a multiselect option', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const res = await list(sales2, { filter: { ...filter, q: '筛选样本' } }).expect(200);
      expect(res.headers['content-range']).toMatch(new RegExp(`/${res.body.length}$`));
      return res.body.map((r: any) => r.id).sort();
    };
    expect(await ids({ 'custom.district': ['西湖', '余杭'] })).toEqual([mine[1]]);
    expect(await ids({ 'custom.district': ['滨江', '西湖'] })).toEqual([...mine].sort());
    expect(await ids({ 'custom.budget': '3000000' })).toEqual([mine[1]]);
    expect(await ids({ 'custom.budget': 3000001 })).toEqual([]);
    expect(await ids({ 'custom.features': '学区' })).toEqual([mine[0], mine[1]].sort());
    expect(await ids({ 'custom.features': '精装' })).toEqual([]);
    expect(await ids({ 'custom.district_neq': '滨江' })).toEqual([mine[1]]);
  });

  it('sorts by a custom value, and pages the sorted list', async () => {
    const res = await list(sales2, { filter: { q: '筛选样本' }, sort: ['custom.budget', 'DESC'] }).expect(200);
    expect(res.body.map((r: any) => r.custom.budget)).toEqual([3000000, 1200000, 900000]);
    const page = await list(sales2, { filter: { q: '筛选样本' }, sort: ['custom.budget', 'ASC'], range: [1, 1] }).expect(200);
    expect(page.body.map((r: any) => r.custom.budget)).toEqual([1200000]);
    expect(page.headers['content-range']).toBe('leads 1-1/3');
  });

  it('searches text custom fields with q; refuses filters on fields not marked filterable', async () => {
    const res = await list(sales2, { filter: { q: '筛选样' } }).expect(200);
    expect(res.body).toHaveLength(3);
    const bad = await list(sales2, { filter: { 'custom.remark': '筛选样本' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'custom.remark', code: 'not_filterable' });
    expect((await list(sales2, { sort: ['custom.remark', 'ASC'] })).body.error.details.code).toBe('not_filterable');
    expect((await list(sales2, { filter: { 'custom.district_gte': '滨江' } })).status).toBe(400);
  });
});

describe('the audit trail', () => {
  it('records each custom value change as its own event', async () => {
    const rec = (await lead(sales1, { budget: 100, district: '滨江' }).expect(201)).body;
    await sales1.put(`/api/crm/leads/${rec.id}`, { ...rec, custom: { budget: 200, district: '滨江', remark: '加了备注' } }).expect(200);
    const events = (await sales1.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'leads', recordId: rec.id, action: 'update' }, sort: ['id', 'ASC'] })}`)).body;
    expect(events.map((e: any) => [e.field, e.from, e.to])).toEqual([['custom.budget', 100, 200], ['custom.remark', null, '加了备注']]);
  });
});

// SQLite serves the same filter with json_extract; the plan check is PostgreSQL's.
if (usesPostgres()) describe('PostgreSQL: the filterable field\'s index', () => {
  it('serves the filter on 100k rows (EXPLAIN)', async () => {
    const knex = app.strapi.db.connection;
    await knex.raw(`INSERT INTO leads (document_id, subject, lead_status, custom, version, created_at, updated_at)
      SELECT 'bulk-' || g, '批量线索' || g, 'active', jsonb_build_object('budget', g * 10), 1, now(), now() FROM generate_series(1, 100000) g`);
    await knex.raw('ANALYZE leads');
    const indexes = (await knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = 'leads' AND indexname LIKE 'leads_cf_%'`)).rows.map((r: any) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['leads_cf_budget', 'leads_cf_district']));
    const plan = (await knex.raw(`EXPLAIN SELECT id FROM leads WHERE ((custom->>'budget')::numeric) >= 999000`)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/leads_cf_budget/);
    expect(plan).not.toMatch(/Seq Scan/);
    const res = await list(admin, { filter: { 'custom.budget_gte': 999000 } }).expect(200);
    expect(res.headers['content-range']).toMatch(/\/(\d+)$/);
    expect(Number(res.headers['content-range'].split('/')[1])).toBeGreaterThanOrEqual(101);
  });

  it('takes an option or a multiselect filter as a condition on the row, served by the GIN index', async () => {
    const knex = app.strapi.db.connection;
    // one lead in 500 has the option: at one in 50, on every page, a sequential scan is the cheaper plan
    await knex.raw(`UPDATE leads SET custom = custom || jsonb_build_object('district', (ARRAY['滨江','西湖','余杭'])[1 + id % 3],
      'features', CASE WHEN id % 500 = 0 THEN '["精装"]'::jsonb ELSE '[]'::jsonb END) WHERE document_id LIKE 'bulk-%'`);
    await knex.raw('ANALYZE leads');
    const sent: { sql: string; bindings: unknown[] }[] = [];
    const capture = (q: any) => sent.push({ sql: q.sql, bindings: q.bindings ?? [] });
    knex.on('query', capture);
    const res = await list(admin, { filter: { 'custom.features': '精装' } }).expect(200);
    knex.removeListener('query', capture);
    const [{ n }] = (await knex.raw(`SELECT count(*)::int AS n FROM leads WHERE jsonb_exists(custom->'features', '精装')`)).rows;
    expect(n).toBeGreaterThanOrEqual(200);
    expect(res.headers['content-range']).toMatch(new RegExp(`/${n}$`));
    const selects = sent.filter((q) => /^\s*select .*from "leads"/i.test(q.sql));
    expect(selects.length).toBeGreaterThan(0);
    for (const q of selects) {
      expect(q.sql).not.toMatch(/in \(select "id" from "leads"/i);
      const plan = (await knex.raw(`EXPLAIN ${q.sql.replace(/\$\d+/g, '?')}`, q.bindings as any[])).rows.map((r: any) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/Seq Scan on leads/);
    }
    expect((await knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = 'leads' AND indexname = 'leads_custom_gin'`)).rows).toHaveLength(1);
  });
});
