// Moving data in and out: the streamed export of any list (CSV with a BOM, XLSX) with the
// caller's filter, sort and visibility, audited. One boot; runs on SQLite and PostgreSQL.
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
  for (const who of ['sales1', 'sales2', 'reception']) c[who] = await app.as(who);
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
  });
});
