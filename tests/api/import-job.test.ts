// A big spreadsheet import runs as a background job: the commit of a file over
// config/import.json's backgroundRows answers 202 with a job, its starter follows rows done /
// total to the end, and the job is all or nothing like a small import (a bad row anywhere: nothing
// imported, the row named). Only the starter sees the job. One boot; runs on SQLite and PostgreSQL.
import fs from 'fs';
import path from 'path';
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
const c: Record<string, Client> = {};
const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'import.json'), 'utf8'));
const ROWS = Number(config.backgroundRows) + 1;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  await app.staff('sales2', 'sales');
  for (const who of ['admin', 'sales1', 'sales2']) c[who] = await app.as(who);
}, 600000);
afterAll(() => app?.stop());

const file = (prefix: string, rows: number, bad?: number) => {
  const lines = ['主题,认知途径,跟进级别,手机'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}${i},网络,A,${i === bad ? '12345' : `137${prefix === '甲' ? 1 : 2}${String(i).padStart(7, '0')}`}`);
  return lines.join('\n');
};
const leadCount = async (who: string, q: string) => {
  const res = await c[who].get(`/api/crm/leads?${listQuery({ filter: { q }, range: [0, 0] })}`).expect(200);
  return Number(res.headers['content-range'].split('/')[1]);
};
/** Polls the job until it finishes; answers every state seen. */
async function follow(who: string, id: string) {
  const seen: any[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await c[who].get(`/api/crm/leads/import/${id}`).expect(200);
    seen.push(res.body);
    if (res.body.finished) return seen;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('import job did not finish');
}

describe('import job', () => {
  it('runs a big commit in the background: 202, progress to the end, every row imported, audited', async () => {
    const res = await c.sales1.post('/api/crm/leads/import?dryRun=false', { file: file('甲', ROWS) }).expect(202);
    expect(res.body).toMatchObject({ total: ROWS, finished: false, report: null, failure: null });
    expect((await c.sales2.get(`/api/crm/leads/import/${res.body.id}`)).status).toBe(404);
    const seen = await follow('sales1', res.body.id);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ total: ROWS, done: ROWS, errors: 0, finished: true, failure: null });
    expect(last.report).toMatchObject({ total: ROWS, valid: ROWS, imported: ROWS, errors: [] });
    // progress only moves forward
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
    expect(await leadCount('sales1', '甲')).toBe(ROWS);
    expect(await leadCount('sales2', '甲')).toBe(0);
    const [one] = (await c.sales1.get(`/api/crm/leads?${listQuery({ filter: { q: '甲7' }, sort: ['id', 'ASC'], range: [0, 0] })}`).expect(200)).body;
    expect(one).toMatchObject({ source: '网络', level: 'A', status: 'active' });
    const events = (await c.sales1.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'leads', recordId: one.id } })}`).expect(200)).body;
    expect(events.map((e: any) => [e.action, e.intent, e.actorName])).toEqual([['create', 'import', 'sales1']]);
  });

  it('imports nothing when one row of a big file is bad, and names that row', async () => {
    const res = await c.sales2.post('/api/crm/leads/import?dryRun=false', { file: file('乙', ROWS, ROWS - 1) }).expect(202);
    const seen = await follow('sales2', res.body.id);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ finished: true, errors: 1, failure: null });
    expect(last.report).toMatchObject({ total: ROWS, valid: ROWS - 1, imported: 0 });
    expect(last.report.errors.map((e: any) => [e.row, e.field, e.code])).toEqual([[ROWS + 1, 'mobile', 'invalid_mobile']]);
    expect(await leadCount('admin', '乙')).toBe(0);
  });

  it('answers 404 for a job that is not there', async () => {
    const res = await c.sales1.get('/api/crm/leads/import/nope');
    expect([res.status, res.body.error.details.code]).toEqual([404, 'not_found']);
  });
});
