// Moving data in and out: the streamed export of any list (CSV with a BOM, XLSX) with the
// caller's filter, sort and visibility, audited; the spreadsheet import with its dry run, all or
// nothing through the typed-in write path; the customer merge. One boot; runs on SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
const c: Record<string, Client> = {};
const id: Record<string, number> = {};
let seq = 0;
const mobile = () => `1381234${String(++seq).padStart(4, '0')}`;
const LABELS = { id: '编号', subject: '主题', source: '认知途径', mobile: '手机', owner: '负责人', createdAt: '创建时间' };

/** The raw bytes of a GET, whatever the content type. */
const bytes = (client: Client, url: string) =>
  client.get(url).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (b: Buffer) => chunks.push(b));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
/** CSV text → rows of cells (the test data holds no quotes or commas inside cells). */
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));

beforeAll(async () => {
  app = await bootApp();
  id.admin = await app.staff('admin', 'admin');
  c.admin = await app.as('admin');
  const store = (await c.admin.post('/api/crm/departments', { name: '滨江店' }).expect(201)).body.id;
  id.sales1 = await app.staff('sales1', 'sales', { department: store, displayName: '张顾问' });
  id.sales2 = await app.staff('sales2', 'sales', { department: store });
  id.reception = await app.staff('reception', 'reception', { department: store });
  id.manager = await app.staff('manager', 'sales-manager', { department: store });
  for (const who of ['sales1', 'sales2', 'reception', 'manager']) c[who] = await app.as(who);
  for (const [who, subject, source] of [['sales1', '甲', '网络'], ['sales1', '乙', '来电'], ['sales1', '丙', '网络'], ['sales2', '同事的', '网络']]) {
    await c[who].post('/api/crm/leads', { subject, source, mobile: mobile() }).expect(201);
  }
});
afterAll(() => app?.stop());

describe('export', () => {
  it('streams the caller’s list as CSV with a BOM, Chinese headers, its filter and sort, and no colleague’s record', async () => {
    const q = listQuery({ filter: { source: '网络' }, sort: ['subject', 'DESC'] });
    const res = await bytes(c.sales1, `/api/crm/leads/export?format=csv&${q}&labels=${encodeURIComponent(JSON.stringify(LABELS))}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body: Buffer = res.body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(body.toString('utf8'));
    expect(header.slice(0, 3)).toEqual(['编号', '主题', '认知途径']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col('主题')])).toEqual(['甲', '丙'].sort().reverse());
    expect(rows.every((r) => r[col('负责人')] === '张顾问')).toBe(true);
    expect(rows[0][col('创建时间')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(body.toString('utf8')).not.toContain('同事的');
    // without labels the headers are the API field names
    const plain = await bytes(c.sales1, '/api/crm/leads/export');
    expect(csvRows(plain.body.toString('utf8'))[0].slice(0, 2)).toEqual(['id', 'subject']);
    expect(csvRows(plain.body.toString('utf8'))).toHaveLength(4);
    // a Chinese caller without labels gets the Chinese field labels from the server
    const zh = await bytes(c.sales1, '/api/crm/leads/export').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(csvRows(zh.body.toString('utf8'))[0].slice(0, 4)).toEqual(['编号', '主题', '认知途径', '跟进级别']);
    expect(csvRows((await bytes(c.sales1, '/api/crm/leads/export?locale=zh')).body.toString('utf8'))[0].slice(0, 2)).toEqual(['编号', '主题']);
    const en = await bytes(c.sales1, '/api/crm/leads/export?locale=en').set('Accept-Language', 'zh-CN');
    expect(csvRows(en.body.toString('utf8'))[0].slice(0, 2)).toEqual(['id', 'subject']);
  });

  it('streams XLSX that Excel readers open, with the same rows', async () => {
    const res = await bytes(c.admin, `/api/crm/leads/export?format=xlsx&${listQuery({ sort: ['subject', 'ASC'] })}&labels=${encodeURIComponent(JSON.stringify(LABELS))}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    const values = sheet.getSheetValues().filter(Boolean).map((r: any) => r.slice(1));
    expect(values[0].slice(0, 3)).toEqual(['编号', '主题', '认知途径']);
    expect(values.slice(1).map((r: any) => r[1]).sort()).toEqual(['丙', '乙', '同事的', '甲'].sort());
  });

  it('records who exported which filter in the audit trail', async () => {
    const filter = JSON.stringify({ source: '来电' });
    await bytes(c.sales2, `/api/crm/leads/export?filter=${encodeURIComponent(filter)}`).expect(200);
    const events = await c.admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'leads', action: 'export' }, range: [0, 99] })}`).expect(200);
    const mine = events.body.filter((e: any) => e.actorName === 'sales2');
    expect(mine).toHaveLength(1);
    expect(mine[0].to).toEqual({ format: 'csv', filter, sort: null });
  });

  it('refuses a role without the list, a bad format and a bad filter as JSON errors', async () => {
    const refused = await c.reception.get('/api/crm/customers/export');
    expect(refused.status).toBe(403);
    const format = await c.sales1.get('/api/crm/leads/export?format=pdf');
    expect([format.status, format.body.error.details]).toEqual([400, { param: 'format', field: 'format', code: 'invalid_query' }]);
    const filter = await c.sales1.get(`/api/crm/leads/export?${listQuery({ filter: { nope: 1 } })}`);
    expect([filter.status, filter.body.error.details.code]).toEqual([400, 'invalid_query']);
    const labels = await c.sales1.get('/api/crm/leads/export?labels=[1]');
    expect([labels.status, labels.body.error.details.field]).toEqual([400, 'labels']);
    const locale = await c.sales1.get('/api/crm/leads/export?locale=fr');
    expect([locale.status, locale.body.error.details.field]).toEqual([400, 'locale']);
  });
});

const count = async (client: Client, resource: string, filter: Record<string, unknown> = {}) => {
  const res = await client.get(`/api/crm/${resource}?${listQuery({ filter, range: [0, 0] })}`).expect(200);
  return Number(res.headers['content-range'].split('/')[1]);
};
const imp = (client: Client, resource: string, dryRun: boolean, body: Record<string, unknown>) =>
  client.post(`/api/crm/${resource}/import?dryRun=${dryRun}`, body);

describe('import', () => {
  it('dry-runs a file of good and bad rows: every bad row by number and field, nothing written; the commit refuses it whole', async () => {
    const taken = (await c.sales2.post('/api/crm/customers', { name: '老客户', mobile: '13900000001', level: 'A' }).expect(201)).body;
    const before = await count(c.admin, 'customers');
    const file = [
      '客户名称,手机,级别,性别,行业,城市',
      '王一,13700000001,A,男,制造,杭州',
      '王二,12345,B,女,金融,宁波', // row 3: bad mobile
      '王三,13700000003,Z,女,金融,宁波', // row 4: unknown level
      `王四,${taken.mobile},A,男,制造,杭州`, // row 5: already a colleague's customer
      '王五,13700000005,B,不知道,制造,杭州', // row 6: bad gender
      '王六,13700000001,A,男,制造,杭州', // row 7: the same mobile as row 2
    ].join('\n');
    const dry = await imp(c.sales1, 'customers', true, { file }).expect(200);
    expect(dry.body).toMatchObject({ total: 6, valid: 1, imported: 0, unmapped: [] });
    expect(dry.body.errors.map((e: any) => [e.row, e.field, e.code])).toEqual([
      [3, 'mobile', 'invalid_mobile'],
      [4, 'level', 'not_in_list'],
      [5, 'mobile', 'mobile_taken'],
      [6, 'gender', 'invalid'],
      [7, 'mobile', 'mobile_taken'],
    ]);
    expect(dry.body.errors.every((e: any) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
    expect(await count(c.admin, 'customers')).toBe(before);
    const commit = await imp(c.sales1, 'customers', false, { file });
    expect([commit.status, commit.body.error.details.code, commit.body.error.details.imported, commit.body.error.details.errors.length]).toEqual([400, 'import_invalid', 0, 5]);
    expect(await count(c.admin, 'customers')).toBe(before);
  });

  it('commits a clean CSV whole through the write path: owners round robin, one audit event per record', async () => {
    const before = await count(c.admin, 'customers');
    const file = Buffer.from('\uFEFF客户名称,手机,级别,客户类型,热点\n赵一,13600000001,A,潜在,是\n赵二,13600000002,B,目标,否\n赵三,13600000003,A,潜在,否\n', 'utf8').toString('base64');
    const res = await imp(c.admin, 'customers', false, { file, roundRobin: true }).expect(200);
    expect(res.body).toMatchObject({ total: 3, valid: 3, imported: 3, errors: [] });
    expect(await count(c.admin, 'customers')).toBe(before + 3);
    const rows = (await c.admin.get(`/api/crm/customers?${listQuery({ filter: { q: '赵' }, sort: ['mobile', 'ASC'] })}`).expect(200)).body;
    expect(rows.map((r: any) => [r.name, r.level, r.type, r.hot, r.owner])).toEqual([
      ['赵一', 'A', 'potential', true, id.sales1],
      ['赵二', 'B', 'target', false, id.sales2],
      ['赵三', 'A', 'potential', false, id.sales1],
    ]);
    const events = await c.admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: rows[0].id }, range: [0, 99] })}`).expect(200);
    expect(events.body.filter((e: any) => e.action === 'create').map((e: any) => [e.intent, e.actorName])).toEqual([['import', 'admin']]);
  });

  it('reads XLSX with English headers, takes an explicit mapping for the rest, and gives a consultant’s import to that consultant', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('leads');
    sheet.addRow(['Subject', 'Source', 'Mobile', '客户备注', '不要']);
    sheet.addRow(['展会咨询', '展会', 13500000001, '想看样板间', 'x']);
    sheet.addRow(['网络咨询', '网络', 13500000002, '', 'y']);
    const file = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const auto = await imp(c.sales1, 'leads', true, { file, format: 'xlsx' }).expect(200);
    expect(auto.body).toMatchObject({ total: 2, valid: 2, imported: 0, unmapped: ['客户备注', '不要'] });
    const before = await count(c.sales1, 'leads');
    const res = await imp(c.sales1, 'leads', false, { file, format: 'xlsx', mapping: { 客户备注: 'description', 不要: null } }).expect(200);
    expect(res.body).toMatchObject({ total: 2, valid: 2, imported: 2, errors: [], unmapped: [] });
    const rows = (await c.sales1.get(`/api/crm/leads?${listQuery({ filter: { q: '咨询' }, sort: ['mobile', 'ASC'], range: [0, 1] })}`).expect(200)).body;
    expect(rows.map((r: any) => [r.subject, r.source, r.mobile, r.description, r.owner, r.status])).toEqual([
      ['展会咨询', '展会', '13500000001', '想看样板间', id.sales1, 'active'],
      ['网络咨询', '网络', '13500000002', null, id.sales1, 'active'],
    ]);
    expect(await count(c.sales1, 'leads')).toBe(before + 2);
  });

  it('refuses what cannot be imported, naming the field', async () => {
    const err = async (res: any) => [res.status, res.body.error?.details?.field ?? res.body.error?.details?.param, res.body.error?.details?.code];
    expect((await imp(c.reception, 'customers', true, { file: 'a\n1' })).status).toBe(403);
    expect(await err(await imp(c.sales1, 'customers', true, {}))).toEqual([400, 'file', 'required']);
    expect(await err(await imp(c.sales1, 'customers', true, { file: '客户名称\n' }))).toEqual([200, undefined, undefined]);
    expect(await err(await imp(c.sales1, 'customers', true, { file: 'foo,bar\n1,2' }))).toEqual([400, 'mapping', 'nothing_mapped']);
    expect(await err(await imp(c.sales1, 'customers', true, { file: '姓名,name\n1,2' }))).toEqual([400, 'mapping', 'duplicate_column']);
    expect(await err(await imp(c.sales1, 'customers', true, { file: 'a,b\n1,2', mapping: { a: 'owner' } }))).toEqual([400, 'mapping', 'invalid']);
    expect(await err(await imp(c.sales1, 'customers', true, { file: '姓名\n1', owner: id.sales2 }))).toEqual([403, undefined, 'forbidden']);
    expect(await err(await imp(c.admin, 'customers', true, { file: '姓名\n1', owner: id.reception }))).toEqual([400, 'owner', 'assignee_not_allowed']);
    expect(await err(await c.sales1.post('/api/crm/customers/import?dryRun=maybe', { file: '姓名\n1' }))).toEqual([400, 'dryRun', 'invalid_query']);
    expect((await c.sales1.post('/api/crm/staff/import?dryRun=true', { file: '姓名\n1' })).status).toBe(405);
  });
});

describe('customer merge', () => {
  it('moves leads, opportunities, interactions and history to the kept customer, fills its gaps, removes the other, audited', async () => {
    const kept = (await c.sales1.post('/api/crm/customers', { name: '陈先生', mobile: '13300000001', level: 'A' }).expect(201)).body;
    const other = (await c.sales1.post('/api/crm/customers', { name: '陈生', mobile: '13300000002', email: 'chen@example.com', city: '杭州' }).expect(201)).body;
    const opp = (await c.sales1.post('/api/crm/opportunities', { customer: other.id, product: '滨江壹号' }).expect(201)).body;
    const visit = (await c.sales1.post('/api/crm/opportunities', { customer: kept.id, product: '西湖壹号', visitors: [other.id] }).expect(201)).body;
    const talk = (await c.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访', state: 'planned', start: new Date(Date.now() + 86400000).toISOString(), customer: other.id }).expect(201)).body;
    const lead = (await c.sales1.post('/api/crm/leads', { subject: '再次咨询', mobile: '13300000002' }).expect(201)).body;
    await c.sales1.post(`/api/crm/leads/${lead.id}/convert`, {}).expect(200);

    expect((await c.sales1.post(`/api/crm/customers/${kept.id}/merge`, { from: other.id })).status).toBe(403);
    const res = await c.manager.post(`/api/crm/customers/${kept.id}/merge`, { from: other.id }).expect(200);
    expect(res.body).toMatchObject({ id: kept.id, name: '陈先生', mobile: '13300000001', email: 'chen@example.com', city: '杭州', level: 'A' });
    // the converted lead's opportunity is on the other customer too
    expect(res.body.merged.moved).toEqual({ 'opportunities.customer': 2, 'opportunities.visitors': 1, 'interactions.customer': 1, 'leads.customer': 1 });
    expect((await c.manager.get(`/api/crm/customers/${other.id}`)).status).toBe(404);
    expect((await c.sales1.get(`/api/crm/opportunities/${opp.id}`).expect(200)).body.customer).toBe(kept.id);
    expect((await c.sales1.get(`/api/crm/opportunities/${visit.id}`).expect(200)).body.visitors).toEqual([kept.id]);
    expect((await c.sales1.get(`/api/crm/interactions/${talk.id}`).expect(200)).body.customer).toBe(kept.id);
    expect((await c.sales1.get(`/api/crm/leads/${lead.id}`).expect(200)).body.customer).toBe(kept.id);
    // a stale copy of a moved record is refused (its version moved on)
    const stale = await c.sales1.put(`/api/crm/opportunities/${opp.id}`, { ...opp, customer: kept.id, product: '改' });
    expect(stale.status).toBe(409);
    const history = (await c.manager.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: kept.id }, range: [0, 199] })}`).expect(200)).body;
    expect(history.filter((e: any) => e.action === 'create').length).toBe(2); // both customers' creation
    expect(history.find((e: any) => e.action === 'merge' && e.field === null)).toMatchObject({ actorName: 'manager', from: { id: other.id, name: '陈生' } });
    const oppHistory = (await c.sales1.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'opportunities', recordId: opp.id } })}`).expect(200)).body;
    expect(oppHistory.find((e: any) => e.action === 'merge')).toMatchObject({ field: 'customer', from: other.id, to: kept.id });
  });

  it('refuses itself, records the manager cannot edit, and runs once when sent twice at once', async () => {
    const a = (await c.sales1.post('/api/crm/customers', { name: '甲客户', mobile: '13300000011' }).expect(201)).body;
    const b = (await c.sales2.post('/api/crm/customers', { name: '乙客户', mobile: '13300000012' }).expect(201)).body;
    const pooled = (await c.sales1.post('/api/crm/customers', { name: '公海客户', mobile: '13300000013' }).expect(201)).body;
    await c.sales1.post(`/api/crm/customers/${pooled.id}/release`, {}).expect(200);
    const self = await c.manager.post(`/api/crm/customers/${a.id}/merge`, { from: a.id });
    expect([self.status, self.body.error.details]).toEqual([400, { field: 'from', code: 'merge_self' }]);
    const bad = await c.manager.post(`/api/crm/customers/${a.id}/merge`, { from: 'x' });
    expect([bad.status, bad.body.error.details.field]).toEqual([400, 'from']);
    expect((await c.manager.post(`/api/crm/customers/${a.id}/merge`, { from: pooled.id })).status).toBe(404);
    expect((await c.manager.get(`/api/crm/customers/${pooled.id}`)).status).toBe(200);
    const twice = await Promise.all([1, 2].map(() => c.manager.post(`/api/crm/customers/${a.id}/merge`, { from: b.id })));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await c.admin.get(`/api/crm/customers/${b.id}`)).status).toBe(404);
    const merges = (await c.admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: a.id, action: 'merge' } })}`).expect(200)).body;
    expect(merges).toHaveLength(1);
  });
});
