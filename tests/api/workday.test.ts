// The working-day rules behind the staff UI: typed times mean the CRM zone, walk-in leads land
// with a consultant, 撞单 is said out loud, configuration in use is archived rather than deleted,
// configured fields take only configured values; each refusal carries a code.
import { bootApp, type Client, type TestApp } from '../helpers/app';
import { salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;
let reception: Client;

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
  await app.staff('reception', 'reception', { department: org.ids.store, displayName: '前台小陈' });
  reception = await app.as('reception');
});
afterAll(() => app?.stop());

describe('date-times', () => {
  it('reads a zone-less date-time in the CRM zone (Asia/Shanghai) and an offset one as given', async () => {
    const c = (await org.sales1.post('/api/crm/customers', { name: '时区客户', mobile: '13700000001' }).expect(201)).body;
    const a = await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访', state: 'planned', start: '2026-12-01T17:30', customer: c.id }).expect(201);
    expect(a.body.start).toBe('2026-12-01T09:30:00.000Z');
    const b = await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访', state: 'planned', start: '2026-12-01T17:30:00+08:00', customer: c.id }).expect(201);
    expect(b.body.start).toBe('2026-12-01T09:30:00.000Z');
    const bad = await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访', state: 'planned', start: 'tomorrow', customer: c.id }).expect(400);
    expect(bad.body.error.details).toMatchObject({ field: 'start', code: 'invalid_datetime' });
  });

  it('refuses an end before its start', async () => {
    const res = await org.sales1
      .post('/api/crm/interactions', { kind: 'visit', subject: '看房', state: 'planned', start: '2026-12-01T17:30', end: '2026-12-01T16:00' })
      .expect(400);
    expect(res.body.error.details).toMatchObject({ field: 'end', code: 'end_before_start' });
  });
});

describe('walk-in leads', () => {
  it('reception converts a visit: the lead goes to a consultant, in turn, or to the one picked', async () => {
    const v1 = (await reception.post('/api/crm/visit-logs', { kind: 'walk-in', visitedAt: '2026-12-01T10:00', name: '孙先生', mobile: '13700000011' }).expect(201)).body;
    const v2 = (await reception.post('/api/crm/visit-logs', { kind: 'walk-in', visitedAt: '2026-12-01T10:05', name: '钱女士', mobile: '13700000012' }).expect(201)).body;
    const r1 = (await reception.post(`/api/crm/visit-logs/${v1.id}/to-lead`, {}).expect(200)).body;
    const r2 = (await reception.post(`/api/crm/visit-logs/${v2.id}/to-lead`, {}).expect(200)).body;
    expect([r1.owner, r2.owner].sort()).toEqual([org.ids.sales1, org.ids.sales2].sort());
    const lead = (await org.sales1.get(`/api/crm/leads/${r1.owner === org.ids.sales1 ? r1.lead : r2.lead}`).expect(200)).body;
    expect(lead.owner).toBe(org.ids.sales1);

    const v3 = (await reception.post('/api/crm/visit-logs', { kind: 'call', visitedAt: '2026-12-01T11:00', name: '周先生', mobile: '13700000013' }).expect(201)).body;
    const r3 = (await reception.post(`/api/crm/visit-logs/${v3.id}/to-lead`, { owner: org.ids.sales2 }).expect(200)).body;
    expect(r3.owner).toBe(org.ids.sales2);
    const refused = (await reception.post('/api/crm/visit-logs', { kind: 'call', visitedAt: '2026-12-01T11:00', name: '吴先生' }).expect(201)).body;
    const r4 = await reception.post(`/api/crm/visit-logs/${refused.id}/to-lead`, { owner: org.ids.admin }).expect(400);
    expect(r4.body.error.details.code).toBe('assignee_not_allowed');
  });

  it('offers as assignees only active staff of the caller’s subtree whose role works the records', async () => {
    const list = (await org.manager.get('/api/crm/assignees?resource=leads').expect(200)).body;
    expect(list.map((a: any) => a.id).sort()).toEqual([org.ids.manager, org.ids.sales1, org.ids.sales2].sort());
    const forReception = (await reception.get('/api/crm/assignees?resource=leads').expect(200)).body;
    expect(forReception.map((a: any) => a.username)).not.toContain('reception');
  });
});

describe('撞单', () => {
  it('says whose customer a mobile is, masking the name for whoever may not see it, and notices the owner', async () => {
    const c = (await org.sales1.post('/api/crm/customers', { name: '陈女士', mobile: '13700000021' }).expect(201)).body;
    const mine = (await org.sales1.get('/api/crm/check-mobile?mobile=13700000021').expect(200)).body;
    expect(mine.customer).toMatchObject({ id: c.id, name: '陈女士', visible: true, owner: { id: org.ids.sales1 } });
    const theirs = (await org.sales2.get('/api/crm/check-mobile?mobile=137 0000 0021').expect(200)).body;
    expect(theirs.customer).toMatchObject({ id: null, name: '陈**', visible: false, owner: { id: org.ids.sales1 } });
    expect((await org.sales2.get('/api/crm/check-mobile?mobile=13700000099').expect(200)).body.customer).toBeNull();

    await org.sales2.post('/api/crm/leads', { subject: '陈女士又来问', mobile: '13700000021' }).expect(201);
    const trail = (await org.sales1.get(`/api/crm/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'customers', recordId: c.id }))}`).expect(200)).body;
    expect(trail.some((e: any) => e.action === 'duplicate')).toBe(true);
  });
});

describe('configuration', () => {
  it('refuses to delete a stage in use (code in_use) and lets it be archived', async () => {
    const stages = (await org.admin.get('/api/crm/stages').expect(200)).body;
    const first = stages.find((s: any) => s.name === '首次来访');
    const c = (await org.sales1.post('/api/crm/customers', { name: '阶段客户', mobile: '13700000031' }).expect(201)).body;
    await org.sales1.post('/api/crm/opportunities', { name: '阶段客户买房', customer: c.id, product: '滨江壹号', stage: first.id }).expect(201);
    const res = await org.admin.del(`/api/crm/stages/${first.id}`).expect(409);
    expect(res.body.error.details).toMatchObject({ code: 'in_use', count: 1, name: '首次来访' });
    await org.admin.put(`/api/crm/stages/${first.id}`, { active: false, version: first.version }).expect(200);
    const unused = (await org.admin.post('/api/crm/sources', { name: '临时渠道' }).expect(201)).body;
    await org.admin.del(`/api/crm/sources/${unused.id}`).expect(200);
  });

  it('takes only a configured, active source and level on a lead', async () => {
    const bad = await org.sales1.post('/api/crm/leads', { subject: '随便写', source: '路上捡的' }).expect(400);
    expect(bad.body.error.details).toMatchObject({ field: 'source', code: 'not_in_list', value: '路上捡的' });
    const badLevel = await org.sales1.post('/api/crm/leads', { subject: '随便写', level: 'Z' }).expect(400);
    expect(badLevel.body.error.details).toMatchObject({ field: 'level', code: 'not_in_list' });
    await org.sales1.post('/api/crm/leads', { subject: '正常', source: '网络', level: 'A' }).expect(201);
  });
});

describe('my account', () => {
  it('changes one’s own display name, mobile and notification preference, and nothing else', async () => {
    const res = await org.sales2.put('/api/crm/me', { displayName: '王小二', mobile: '+86 139 0000 7777', notifyByEmail: false }).expect(200);
    expect(res.body).toMatchObject({ displayName: '王小二', mobile: '13900007777', notifyByEmail: false, role: 'sales' });
    expect((await org.sales2.get('/api/crm/me').expect(200)).body).toMatchObject({ displayName: '王小二', notifyByEmail: false });
    // the admin's staff page shows the new name
    expect((await org.admin.get(`/api/crm/staff/${org.ids.sales2}`).expect(200)).body.displayName).toBe('王小二');
    const refusals = await Promise.all([
      org.sales2.put('/api/crm/me', { role: 'admin' }),
      org.sales2.put('/api/crm/me', { department: null }),
      org.sales2.put('/api/crm/me', { mobile: 'not a phone' }),
      org.sales2.put('/api/crm/me', { notifyByEmail: 'no' }),
      org.sales2.put('/api/crm/me', { displayName: '' }),
    ]);
    expect(refusals.map((r) => [r.status, r.body.error?.details?.field, r.body.error?.details?.code])).toEqual([
      [400, 'role', 'unknown_field'],
      [400, 'department', 'unknown_field'],
      [400, 'mobile', 'invalid_mobile'],
      [400, 'notifyByEmail', 'invalid_type'],
      [400, 'displayName', 'invalid_length'],
    ]);
    expect((await org.sales2.get('/api/crm/me').expect(200)).body).toMatchObject({ role: 'sales', displayName: '王小二', mobile: '13900007777' });
    await org.sales2.put('/api/crm/me', { displayName: 'sales2', notifyByEmail: true }).expect(200);
  });
});
