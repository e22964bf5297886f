// The message log for non-admins: a message is visible exactly when its customer is (scope
// `record` through the message's customer, the one visibility mechanism of crm/records.ts). A
// consultant reads the messages of own customers (and the pool's), a manager those of the team's
// customers, nobody else's; messages without a customer (staff digests) stay admin-only; roles
// without a messages grant are refused.
import path from 'path';
import { backendModule, bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { newCustomer, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;
let other: Client;
let marketing: Client;
const c: Record<string, number> = {};
const m: Record<string, number> = {};
const dist = (p: string) => backendModule(path.join('api', p));

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
  const away = (await org.admin.post('/api/crm/departments', { name: '西湖店' }).expect(201)).body.id;
  await app.staff('sales3', 'sales', { department: away });
  await app.staff('mkt', 'marketing');
  [other, marketing] = await Promise.all([app.as('sales3'), app.as('mkt')]);
  c.sales1 = (await newCustomer(org.sales1)).id;
  c.sales2 = (await newCustomer(org.sales2)).id;
  c.away = (await newCustomer(other)).id;
  c.pool = (await newCustomer(org.sales2)).id;
  await org.sales2.post(`/api/crm/customers/${c.pool}/release`).expect(200);
  // queued the way the jobs queue them: one row per customer, plus a staff digest without one
  const { enqueueMany } = dist('message/batch');
  await enqueueMany(Object.entries(c).map(([k, id]) => ({
    channel: 'sms', to: `1380000${id}`, body: `${k}您好`, purpose: 'greeting', customer: id, dedupeKey: `visibility:${k}`,
  })));
  await enqueueMany([{ channel: 'inapp', subject: '今日跟进计划 1 项', body: '回访', purpose: 'reminder', staff: org.ids.sales1, dedupeKey: 'visibility:digest' }]);
  const all = (await org.admin.get(`/api/crm/messages?${listQuery({ range: [0, 99] })}`).expect(200)).body;
  for (const row of all) m[row.dedupeKey.slice('visibility:'.length)] = row.id;
});
afterAll(async () => {
  await app?.stop();
});

const keys = async (client: Client, filter: Record<string, unknown> = {}) =>
  (await client.get(`/api/crm/messages?${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body.map((r: any) => r.dedupeKey.slice('visibility:'.length)).sort();

it('admin reads every message, with and without a customer', async () => {
  expect(await keys(org.admin)).toEqual(['away', 'digest', 'pool', 'sales1', 'sales2']);
});

it('a consultant reads the messages of the customers they may see: their own and the pool\'s', async () => {
  expect(await keys(org.sales1)).toEqual(['pool', 'sales1']);
  expect(await keys(org.sales1, { customer: c.sales1 })).toEqual(['sales1']);
  expect(await keys(org.sales1, { customer: c.sales2 })).toEqual([]);
  const res = await org.sales1.get(`/api/crm/messages?${listQuery({ range: [0, 9] })}`).expect(200);
  expect(res.headers['content-range']).toMatch(/\/2$/);
  expect((await org.sales1.get(`/api/crm/messages/${m.sales1}`).expect(200)).body).toMatchObject({ customer: c.sales1, body: expect.stringContaining('sales1您好') });
  for (const hidden of ['sales2', 'away', 'digest']) {
    const r = await org.sales1.get(`/api/crm/messages/${m[hidden]}`);
    expect([hidden, r.status, r.body.error?.details?.code]).toEqual([hidden, 404, 'not_found']);
  }
  expect(await keys(other)).toEqual(['away', 'pool']);
});

it('a manager reads the messages of the team\'s customers, not another store\'s', async () => {
  expect(await keys(org.manager)).toEqual(['pool', 'sales1', 'sales2']);
  expect((await org.manager.get(`/api/crm/messages/${m.away}`)).status).toBe(404);
});

it('follows the customer: a customer handed to another consultant takes its messages along', async () => {
  await org.manager.post('/api/crm/customers/assign', { ids: [c.sales2], owner: org.ids.sales1 }).expect(200);
  expect(await keys(org.sales1)).toEqual(['pool', 'sales1', 'sales2']);
  expect(await keys(org.sales2)).toEqual(['pool']);
});

it('nobody writes messages through the API, and roles without a messages grant are refused', async () => {
  const write = await org.sales1.post('/api/crm/messages', { channel: 'sms', body: 'x', purpose: 'greeting', dedupeKey: 'x' });
  expect([403, 405]).toContain(write.status);
  // refused by Strapi's route permissions, mirrored from the grants (no messages grant: no route)
  expect((await marketing.get('/api/crm/messages')).status).toBe(403);
  expect((await marketing.get(`/api/crm/messages/${m.sales1}`)).status).toBe(403);
});

it('tells the staff UI who may open the customer page\'s message tab', async () => {
  const grants = async (client: Client) => (await client.get('/api/crm/me').expect(200)).body.resources.messages;
  expect(await grants(org.sales1)).toEqual(['list', 'show']);
  expect(await grants(org.manager)).toEqual(['list', 'show']);
  expect(await grants(marketing)).toBeUndefined();
});
