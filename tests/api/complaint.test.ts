// Complaints: recorded by service, answered on the spot or worked open → processing → resolved →
// closed, reopened within the configured days; transfers to a person who may handle complaints or
// to a department with complaint handlers (anything else refused, nothing changed); the timeline;
// deadlines by severity, late ones flagged and alerted by the complaint-deadlines job; the queue;
// who sees what (the `handling` scope: assignee, handling department, the customer's consultant).
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { newCustomer } from '../helpers/org';

let app: TestApp;
const as = {} as Record<string, Client>;
const id: Record<string, number> = {};
let customer: any;

beforeAll(async () => {
  app = await bootApp();
  id.admin = await app.staff('admin', 'admin');
  as.admin = await app.as('admin');
  const dept = async (name: string) => (await as.admin.post('/api/crm/departments', { name }).expect(201)).body.id as number;
  id.service = await dept('客服部');
  id.ops = await dept('营运部');
  id.store = await dept('滨江店');
  id.empty = await dept('财务部');
  id.manager = await app.staff('manager', 'sales-manager', { department: id.store });
  id.sales1 = await app.staff('sales1', 'sales', { department: id.store, supervisor: id.manager });
  id.sales2 = await app.staff('sales2', 'sales', { department: id.store });
  id.svcLead = await app.staff('svcLead', 'service', { department: id.service });
  id.svcA = await app.staff('svcA', 'service', { department: id.service, supervisor: id.svcLead });
  id.svcB = await app.staff('svcB', 'service', { department: id.ops });
  id.opsSales = await app.staff('opsSales', 'sales', { department: id.ops });
  id.mkt = await app.staff('mkt', 'marketing', { department: id.empty });
  for (const who of ['manager', 'sales1', 'sales2', 'svcLead', 'svcA', 'svcB', 'opsSales', 'mkt']) as[who] = await app.as(who);
  customer = await newCustomer(as.sales1, { name: '王先生' });
});
afterAll(() => app?.stop());

const HOUR = 3600000;
let n = 0;
const record = async (extra: Record<string, unknown> = {}, who = as.svcA) => {
  n += 1;
  const res = await who.post('/api/crm/complaints', {
    title: `投诉 ${n}`, description: '交房延期，物业态度差', channel: 'phone', category: '服务态度', severity: 'high', customer: customer.id, ...extra,
  });
  if (res.status !== 201) throw new Error(`complaint: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const read = async (cid: number) => (await as.admin.get(`/api/crm/complaints/${cid}`).expect(200)).body;
const timeline = async (cid: number) =>
  (await as.admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'complaints', recordId: cid }, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
const act = (who: Client, cid: number, action: string, body: Record<string, unknown> = {}) => who.post(`/api/crm/complaints/${cid}/${action}`, body);
const fieldOf = (res: any) => [res.status, res.body.error?.details?.field, res.body.error?.details?.code];

describe('recording', () => {
  it('starts open, held by who recorded it, with deadlines from the severity (high: 4 h to respond, 48 h to resolve)', async () => {
    const t0 = Date.now();
    const c = await record({ severity: 'high' });
    expect(c).toMatchObject({
      status: 'open', assignee: id.svcA, creator: id.svcA, department: null, customer: customer.id, category: '服务态度',
      lateFirstResponse: false, lateResolution: false, actions: ['process', 'resolve', 'close', 'transfer'],
    });
    const created = new Date(c.createdAt).getTime();
    expect(created).toBeGreaterThanOrEqual(t0 - 1000);
    expect(new Date(c.firstResponseDueAt).getTime() - created).toBeLessThan(4 * HOUR + 2000);
    expect(new Date(c.firstResponseDueAt).getTime() - created).toBeGreaterThan(4 * HOUR - 2000);
    expect(Math.round((new Date(c.resolveDueAt).getTime() - new Date(c.firstResponseDueAt).getTime()) / HOUR)).toBe(44);
  });

  it('refuses a category that is not configured, a bad severity, a status or assignee set by hand, naming the field', async () => {
    const post = (body: Record<string, unknown>) => as.svcA.post('/api/crm/complaints', { title: '坏投诉', customer: customer.id, ...body });
    expect(fieldOf(await post({ category: '外星人' }))).toEqual([400, 'category', 'not_in_list']);
    expect(fieldOf(await post({ severity: 'apocalyptic' })).slice(0, 2)).toEqual([400, 'severity']);
    expect(fieldOf(await post({ status: 'closed' }))).toEqual([403, 'status', 'via_action_only']);
    expect(fieldOf(await post({ assignee: id.svcB }))).toEqual([403, 'assignee', 'via_action_only']);
    expect(fieldOf(await post({ title: '' }))).toEqual([400, 'title', undefined]);
    const c = await record();
    const put = await as.svcA.put(`/api/crm/complaints/${c.id}`, { ...c, status: 'resolved' });
    expect(fieldOf(put)).toEqual([403, 'status', 'via_action_only']);
    expect(await read(c.id)).toMatchObject({ status: 'open', version: c.version });
    const edit = await as.svcA.put(`/api/crm/complaints/${c.id}`, { ...c, description: '补充：已拍照' }).expect(200);
    expect(edit.body.description).toBe('补充：已拍照');
  });

  it('is for service and the handlers: marketing and reception are refused, sales reads only', async () => {
    expect((await as.mkt.get('/api/crm/complaints')).status).toBe(403);
    expect((await as.mkt.post('/api/crm/complaints', { title: 'x' })).status).toBe(403);
    expect((await as.sales1.post('/api/crm/complaints', { title: 'x' })).status).toBe(403);
  });
});

describe('status moves', () => {
  it('open → processing → resolved → closed (with satisfaction) → reopened, every step in the timeline', async () => {
    const c = await record();
    const p = await act(as.svcA, c.id, 'process').expect(200);
    expect(p.body).toMatchObject({ status: 'processing', actions: ['resolve', 'transfer'] });
    expect(p.body.firstResponseAt).toEqual(expect.any(String));
    expect((await act(as.svcA, c.id, 'process')).body.error.details).toEqual({ status: 'processing', action: 'process', allowed: ['resolve', 'transfer'], code: 'transition_not_allowed' });
    expect(fieldOf(await act(as.svcA, c.id, 'resolve', { resolution: '  ' }))).toEqual([400, 'resolution', 'required']);
    expect((await read(c.id)).status).toBe('processing');
    expect((await act(as.svcA, c.id, 'close', { satisfaction: 5 })).status).toBe(409);
    const r = await act(as.svcA, c.id, 'resolve', { resolution: '已协调物业道歉并减免一个月物业费' }).expect(200);
    expect(r.body).toMatchObject({ status: 'resolved', actions: ['close', 'reopen'], lateResolution: false });
    expect(fieldOf(await act(as.svcA, c.id, 'close', { satisfaction: 9 }))).toEqual([400, 'satisfaction', 'out_of_range']);
    expect(fieldOf(await act(as.svcA, c.id, 'close', { satisfaction: 2.5 }))).toEqual([400, 'satisfaction', 'out_of_range']);
    const closed = await act(as.svcA, c.id, 'close', { satisfaction: 4 }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 4, resolution: '已协调物业道歉并减免一个月物业费', actions: ['reopen'] });
    expect(fieldOf(await act(as.svcA, c.id, 'reopen', {}))).toEqual([400, 'reason', 'required']);
    const re = await act(as.svcA, c.id, 'reopen', { reason: '客户反映减免未到账' }).expect(200);
    expect(re.body).toMatchObject({ status: 'processing', reopenReason: '客户反映减免未到账', satisfaction: null, closedAt: null, resolvedAt: null });
    const moves = (await timeline(c.id)).filter((e: any) => e.action === 'transition').map((e: any) => `${e.from}→${e.to}`);
    expect(moves).toEqual(['open→processing', 'processing→resolved', 'resolved→closed', 'closed→processing']);
  });

  it('closes at once when answered on the spot, with the resolution; not without one', async () => {
    const c = await record({ severity: 'low', channel: 'walk-in' });
    expect(fieldOf(await act(as.svcA, c.id, 'close', {}))).toEqual([400, 'resolution', 'required']);
    expect((await read(c.id)).status).toBe('open');
    const closed = await act(as.svcA, c.id, 'close', { resolution: '当场解释了交房流程，客户认可', satisfaction: 5 }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 5, lateFirstResponse: false, lateResolution: false });
    expect(closed.body.resolvedAt).toEqual(expect.any(String));
    expect((await act(as.svcA, c.id, 'resolve', { resolution: 'x' })).status).toBe(409);
  });

  it('reopens only within the configured days (7), then refuses with the window named', async () => {
    const c = await record();
    await act(as.svcA, c.id, 'close', { resolution: '已解释' }).expect(200);
    await app.strapi.db.query('api::complaint.complaint').update({ where: { id: c.id }, data: { closedAt: new Date(Date.now() - 8 * 86400000), resolvedAt: new Date(Date.now() - 8 * 86400000) } });
    const late = await act(as.svcA, c.id, 'reopen', { reason: '又来投诉' });
    expect([late.status, late.body.error.details.code, late.body.error.details.days]).toEqual([409, 'reopen_window_passed', 7]);
    expect((await read(c.id)).status).toBe('closed');
  });

  it('of two resolves at once, one wins and the other finds it resolved (409)', async () => {
    const c = await record();
    const both = await Promise.all([1, 2].map((k) => act(as.svcA, c.id, 'resolve', { resolution: `处理方案 ${k}` })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await timeline(c.id)).filter((e: any) => e.action === 'transition')).toHaveLength(1);
  });
});

describe('transfers', () => {
  it('refuses anyone who may not handle complaints, unknown people, empty departments and no target, changing nothing', async () => {
    const c = await record();
    const before = await read(c.id);
    const events = (await timeline(c.id)).length;
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { assignee: id.mkt }))).toEqual([400, 'assignee', 'cannot_handle_complaints']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { assignee: id.sales2 }))).toEqual([400, 'assignee', 'cannot_handle_complaints']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { assignee: 999999 }))).toEqual([400, 'assignee', 'unknown_staff']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { department: id.empty }))).toEqual([400, 'department', 'no_complaint_handlers']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { department: 999999 }))).toEqual([400, 'department', 'unknown_department']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', {}))).toEqual([400, 'assignee', 'transfer_target_required']);
    expect(fieldOf(await act(as.svcA, c.id, 'transfer', { assignee: id.svcB, department: id.ops }))).toEqual([400, 'assignee', 'transfer_target_required']);
    expect(await read(c.id)).toEqual(before);
    expect((await timeline(c.id)).length).toBe(events);
  });

  it('to a department: its handlers see it, the one who handed it over and everyone else do not', async () => {
    const c = await record({ severity: 'urgent' });
    const res = await act(as.svcA, c.id, 'transfer', { department: id.ops }).expect(200);
    expect(res.body).toMatchObject({ assignee: null, department: id.ops, status: 'open' });
    expect(res.body.firstResponseAt).toEqual(expect.any(String));
    const sees = async (who: string) => {
      const one = await as[who].get(`/api/crm/complaints/${c.id}`);
      const list = await as[who].get(`/api/crm/complaints?${listQuery({ range: [0, 99] })}`);
      return [one.status, list.status === 200 && list.body.some((x: any) => x.id === c.id)];
    };
    const got: Record<string, unknown> = {};
    for (const who of ['svcB', 'svcA', 'svcLead', 'opsSales', 'manager', 'sales2', 'mkt']) got[who] = await sees(who);
    expect(got).toEqual({
      svcB: [200, true], svcA: [404, false], svcLead: [404, false], opsSales: [404, false], manager: [404, false], sales2: [404, false], mkt: [403, false],
    });
    // the customer's consultant still reads it, and only reads it
    expect(await sees('sales1')).toEqual([200, true]);
    expect((await as.sales1.put(`/api/crm/complaints/${c.id}`, { ...res.body, description: '改' })).status).toBe(403);
    expect((await act(as.sales1, c.id, 'process')).status).toBe(403);
    const moves = (await timeline(c.id)).filter((e: any) => ['assign', 'update'].includes(e.action) && ['assignee', 'department'].includes(e.field));
    expect(moves.map((e: any) => [e.field, e.from, e.to])).toEqual(expect.arrayContaining([['assignee', id.svcA, null], ['department', null, id.ops]]));

    // svcB hands it to the store manager (a sales manager may handle complaints): it joins the store
    const toManager = await act(as.svcB, c.id, 'transfer', { assignee: id.manager }).expect(200);
    expect(toManager.body).toMatchObject({ assignee: id.manager, department: id.store });
    expect((await as.manager.get(`/api/crm/complaints/${c.id}`)).status).toBe(200);
    expect((await as.svcB.get(`/api/crm/complaints/${c.id}`)).status).toBe(404);
    expect(fieldOf(await act(as.manager, c.id, 'transfer', { assignee: id.manager }))).toEqual([400, 'assignee', 'same_target']);
  });

  it('offers every member who may handle complaints as a transfer target, in any department; names the customer to a handler who may not read it', async () => {
    const farStore = (await as.admin.post('/api/crm/departments', { name: '城西店' }).expect(201)).body.id;
    id.farManager = await app.staff('farManager', 'sales-manager', { department: farStore });
    const offered = async (who: Client) => (await who.get('/api/crm/assignees?resource=complaints').expect(200)).body.map((a: any) => a.id);
    const picked = await offered(as.svcA);
    // service, sales managers and admins of every department; no consultant, no marketing
    expect(picked).toEqual(expect.arrayContaining([id.admin, id.manager, id.svcLead, id.svcA, id.svcB, id.farManager]));
    for (const not of [id.sales1, id.sales2, id.opsSales, id.mkt]) expect(picked).not.toContain(not);
    // each one offered is accepted by the transfer itself
    expect(await offered(as.svcB)).toEqual(picked);
    expect((await as.sales1.get('/api/crm/assignees?resource=complaints')).status).toBe(403);
    // handed to the far store's manager, who may not read the store's customer: the name travels with the complaint
    const c = await record();
    const farManager = await app.as('farManager');
    await act(as.svcA, c.id, 'transfer', { assignee: id.farManager }).expect(200);
    expect((await farManager.get(`/api/crm/customers/${customer.id}`)).status).toBe(404);
    const seen = (await farManager.get(`/api/crm/complaints/${c.id}`).expect(200)).body;
    expect(seen).toMatchObject({ customer: customer.id, customerName: '王先生', assignee: id.farManager });
  });

  it('refuses a transfer once resolved', async () => {
    const c = await record();
    await act(as.svcA, c.id, 'resolve', { resolution: '已处理' }).expect(200);
    const res = await act(as.svcA, c.id, 'transfer', { assignee: id.svcB });
    expect([res.status, res.body.error.details.code]).toEqual([409, 'transition_not_allowed']);
    expect((await read(c.id)).assignee).toBe(id.svcA);
  });
});

describe('deadlines and the queue', () => {
  it('flags late ones, and the complaint-deadlines job alerts the handler and their supervisor once', async () => {
    const c = await record({ severity: 'urgent', title: '电梯困人' });
    await app.strapi.db.query('api::complaint.complaint').update({ where: { id: c.id }, data: { firstResponseDueAt: new Date(Date.now() - HOUR) } });
    expect(await read(c.id)).toMatchObject({ lateFirstResponse: true, lateResolution: false });
    const run = await as.admin.post('/api/crm/jobs/complaint-deadlines/run').expect(200);
    expect(JSON.stringify(run.body)).toContain('"late"');
    const messages = async () => (await as.admin.get(`/api/crm/messages?${listQuery({ filter: { linkResource: 'complaints', linkId: c.id }, range: [0, 99] })}`).expect(200)).body;
    const first = await messages();
    expect(first.map((m: any) => [m.staff, m.subject]).sort()).toEqual([[id.svcA, '投诉首次响应超时：电梯困人'], [id.svcLead, '投诉首次响应超时：电梯困人']].sort());
    await as.admin.post('/api/crm/jobs/complaint-deadlines/run').expect(200);
    expect(await messages()).toHaveLength(2);
    // answering it stops the first-response flag from growing: it stays late, as it was
    const p = await act(as.svcA, c.id, 'process').expect(200);
    expect(p.body.lateFirstResponse).toBe(true);
  });

  it('lists what the caller works, most severe first, then the oldest; closed ones leave it', async () => {
    const low = await record({ severity: 'low', title: '队列 低' }, as.svcLead);
    const urgent1 = await record({ severity: 'urgent', title: '队列 紧急1' }, as.svcLead);
    const medium = await record({ severity: 'medium', title: '队列 中' }, as.svcLead);
    const urgent2 = await record({ severity: 'urgent', title: '队列 紧急2' }, as.svcLead);
    const gone = await record({ severity: 'urgent', title: '队列 已关闭' }, as.svcLead);
    await act(as.svcLead, gone.id, 'close', { resolution: '当场解决' }).expect(200);
    const q = (await as.svcLead.get('/api/crm/complaint-queue').expect(200)).body;
    expect(q.map((c: any) => c.title)).toEqual([urgent1, urgent2, medium, low].map((c) => c.title));
    expect((await as.mkt.get('/api/crm/complaint-queue')).status).toBe(403);
  });
});

describe('complaint categories', () => {
  it('ships the configured categories; one in use is archived, not deleted', async () => {
    const cats = (await as.svcA.get(`/api/crm/complaint-categories?${listQuery({ range: [0, 99] })}`).expect(200)).body;
    expect(cats.map((c: any) => c.name)).toEqual(['产品质量', '服务态度', '交付延期', '价格争议', '售后维修', '其他']);
    const used = cats.find((c: any) => c.name === '服务态度');
    const del = await as.admin.del(`/api/crm/complaint-categories/${used.id}`);
    expect([del.status, del.body.error.details.code]).toEqual([409, 'in_use']);
    expect((await as.svcA.del(`/api/crm/complaint-categories/${used.id}`)).status).toBe(403);
  });
});
