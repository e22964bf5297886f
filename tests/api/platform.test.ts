// The platform's contract: login and refresh, /me, the simple-rest dialect on leads, one
// visibility mechanism on every read path, and 400s (never 500s) for malformed input.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
let admin: Client, sales1: Client, sales2: Client;
let lead1: number;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('boss', 'admin');
  await app.staff('sales1', 'sales');
  await app.staff('sales2', 'sales');
  [admin, sales1, sales2] = await Promise.all(['boss', 'sales1', 'sales2'].map((u) => app.as(u)));
  const res = await sales1.post('/api/crm/leads', { subject: '王先生咨询三居', targetCustomer: '王先生', mobile: '13800001111', source: '来电' });
  expect(res.status).toBe(201);
  lead1 = res.body.id;
  for (let i = 0; i < 3; i++) await sales2.post('/api/crm/leads', { subject: `刘女士 ${i}`, mobile: `1390000000${i}` }).expect(201);
});
afterAll(() => app?.stop());

describe('auth', () => {
  it('refuses anonymous reads with 401 and bad passwords without a token', async () => {
    expect((await app.http().get('/api/crm/leads')).status).toBe(401);
    const bad = await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: 'wrong-password' });
    expect(bad.status).toBe(400);
    expect(bad.body.jwt).toBeUndefined();
  });

  it('keeps public sign-up closed', async () => {
    const res = await app.http().post('/api/auth/local/register').send({ username: 'intruder', email: 'i@x.cn', password: 'secret-123' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intruder' } })).toBe(0);
  });

  it('renews the access token with the refresh token', async () => {
    const res = await app.http().post('/api/auth/refresh').send({ refreshToken: sales1.refreshToken });
    expect(res.status).toBe(200);
    const me = await app.http().get('/api/crm/me').set('Authorization', `Bearer ${res.body.jwt}`);
    expect(me.body.username).toBe('sales1');
  });

  it('answers /me with the role and what it may do, never secrets', async () => {
    const res = await sales1.get('/api/crm/me').expect(200);
    expect(res.body).toMatchObject({ username: 'sales1', role: 'sales', roleName: '销售顾问' });
    expect(res.body.resources.leads).toEqual(['list', 'show', 'create', 'edit', 'convert', 'close', 'reactivate', 'report']);
    expect(res.body.resources.opportunities).not.toContain('approve-loss');
    expect(JSON.stringify(res.body)).not.toMatch(/password|resetPasswordToken|@test\.local/);
  });
});

describe('simple-rest dialect on leads', () => {
  it('lists with Content-Range, exposed to the browser', async () => {
    const res = await admin.get(`/api/crm/leads?${listQuery({ sort: ['subject', 'ASC'], range: [0, 1] })}`).expect(200);
    expect(res.headers['content-range']).toBe('leads 0-1/4');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
    expect(res.body.map((l: any) => l.subject)).toEqual(['刘女士 0', '刘女士 1']);
  });

  it('answers an empty page with a valid Content-Range', async () => {
    const res = await admin.get(`/api/crm/leads?${listQuery({ range: [10, 19] })}`).expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toBe('leads 10-10/4');
  });

  it('filters by field, q, id list and suffixes', async () => {
    const q = await admin.get(`/api/crm/leads?${listQuery({ filter: { q: '王先生' } })}`).expect(200);
    expect(q.body.map((l: any) => l.id)).toEqual([lead1]);
    const ids = await admin.get(`/api/crm/leads?${listQuery({ filter: { id: [lead1] } })}`).expect(200);
    expect(ids.body).toHaveLength(1);
    const neq = await admin.get(`/api/crm/leads?${listQuery({ filter: { source_neq: '来电' } })}`).expect(200);
    expect(neq.body.map((l: any) => l.id)).not.toContain(lead1);
    const status = await admin.get(`/api/crm/leads?${listQuery({ filter: { status: 'active' } })}`).expect(200);
    expect(status.headers['content-range']).toBe('leads 0-3/4');
  });

  it('reads, updates and shows the API field names (status, not leadStatus)', async () => {
    const got = await sales1.get(`/api/crm/leads/${lead1}`).expect(200);
    expect(got.body).toMatchObject({ id: lead1, subject: '王先生咨询三居', status: 'active', owner: expect.any(Number) });
    expect(got.body.leadStatus).toBeUndefined();
    // react-admin sends the whole record back on save
    const put = await sales1.put(`/api/crm/leads/${lead1}`, { ...got.body, description: '想看样板间' }).expect(200);
    expect(put.body).toMatchObject({ id: lead1, description: '想看样板间', status: 'active' });
  });

  it('keeps ids stable across updates', async () => {
    const res = await admin.get(`/api/crm/leads?${listQuery({ filter: { id: [lead1] } })}`).expect(200);
    expect(res.body[0].description).toBe('想看样板间');
  });
});

describe('visibility: sales2 cannot see sales1 lead by any read path; admin can', () => {
  it('hides it from the list, q, filters, getMany and sorting', async () => {
    const paths = [
      listQuery({}),
      listQuery({ filter: { q: '王先生' } }),
      listQuery({ filter: { id: [lead1] } }),
      listQuery({ filter: { mobile: '13800001111' } }),
      listQuery({ filter: { owner: (await sales1.get('/api/crm/me')).body.id } }),
      listQuery({ sort: ['mobile', 'DESC'], range: [0, 99] }),
    ];
    for (const p of paths) {
      const res = await sales2.get(`/api/crm/leads?${p}`).expect(200);
      expect(res.body.map((l: any) => l.id)).not.toContain(lead1);
      expect(res.headers['content-range']).toMatch(/\/[0-3]$/);
    }
  });

  it('answers 404 on single read, update and delete, changing nothing', async () => {
    expect((await sales2.get(`/api/crm/leads/${lead1}`)).status).toBe(404);
    expect((await sales2.put(`/api/crm/leads/${lead1}`, { subject: 'hijack' })).status).toBe(404);
    expect((await sales2.del(`/api/crm/leads/${lead1}`)).status).toBe(403);
    const still = await admin.get(`/api/crm/leads/${lead1}`).expect(200);
    expect(still.body.subject).toBe('王先生咨询三居');
  });

  it('lets admin see every lead', async () => {
    const res = await admin.get('/api/crm/leads').expect(200);
    expect(res.headers['content-range']).toBe('leads 0-3/4');
    expect(res.body.map((l: any) => l.id)).toContain(lead1);
  });

  it('still scopes a role that lacks user.find (no reliance on relation filters that vanish)', async () => {
    const perms = await app.strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { action: { $startsWith: 'plugin::users-permissions.user' }, role: { type: 'sales' } },
    });
    expect(perms).toEqual([]);
    const res = await sales2.get(`/api/crm/leads?${listQuery({ filter: { owner: 1 } })}`).expect(200);
    expect(res.body).toEqual([]);
  });

  it('does not expose the stock REST API for CRM records', async () => {
    expect((await sales2.get('/api/leads')).status).toBe(404);
    const users = await sales2.get('/api/users');
    expect(users.status).toBe(403);
  });
});

describe('staff directory', () => {
  it('lets sales resolve owner names (getMany) but not browse the staff list; never exposes emails', async () => {
    const me = (await sales1.get('/api/crm/me')).body;
    const many = await sales1.get(`/api/crm/staff?${listQuery({ filter: { id: [me.id] } })}`).expect(200);
    expect(many.body).toEqual([expect.objectContaining({ id: me.id, username: 'sales1', role: 'sales', active: true })]);
    expect(JSON.stringify(many.body)).not.toMatch(/@test\.local|password/);
    expect((await sales1.get('/api/crm/staff')).status).toBe(403);
    const all = await admin.get('/api/crm/staff').expect(200);
    expect(all.headers['content-range']).toBe('staff 0-2/3');
  });

  it('filters by active flag and role type, as the staff picker does', async () => {
    const blocked = await app.staff('gone', 'sales');
    const row = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: blocked } });
    await app.strapi.documents('plugin::users-permissions.user').update({ documentId: row.documentId, data: { blocked: true } });
    const active = await admin.get(`/api/crm/staff?${listQuery({ filter: { active: true, role: 'sales' } })}`).expect(200);
    expect(active.body.map((s: any) => s.username).sort()).toEqual(['sales1', 'sales2']);
    const inactive = await admin.get(`/api/crm/staff?${listQuery({ filter: { active: false } })}`).expect(200);
    expect(inactive.body.map((s: any) => s.username)).toEqual(['gone']);
    const bad = await admin.get(`/api/crm/staff?${listQuery({ filter: { role: 'boss' } })}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('role');
  });
});

describe('writes', () => {
  it('owns new records by their creator; owner only changes through assignment, status only along the rules', async () => {
    const me = (await sales2.get('/api/crm/me')).body;
    const res = await sales2.post('/api/crm/leads', { subject: '新线索' }).expect(201);
    expect(res.body).toMatchObject({ owner: me.id, status: 'active' });
    const owner = await sales2.put(`/api/crm/leads/${res.body.id}`, { owner: 1 });
    expect(owner.status).toBe(403);
    expect(owner.body.error.message).toMatch(/^owner:/);
    const status = await sales2.put(`/api/crm/leads/${res.body.id}`, { status: 'qualified', version: res.body.version });
    expect(status.status).toBe(409);
    expect((await sales2.get(`/api/crm/leads/${res.body.id}`)).body).toMatchObject({ owner: me.id, status: 'active' });
  });
});

describe('malformed input gets 400 naming the problem, never 500', () => {
  it.each([
    ['sort', '?sort=[oops'],
    ['sort', `?${listQuery({ sort: ['nosuchfield', 'ASC'] })}`],
    ['range', `?${listQuery({ range: [10, 2] })}`],
    ['range', '?range=abc'],
    ['filter', '?filter={bad'],
    ['filter', `?${listQuery({ filter: { nosuchfield: 1 } })}`],
    ['filter', `?${listQuery({ filter: { subject_between: 1 } })}`],
    ['status', `?${listQuery({ filter: { status: 'won' } })}`],
    // filters that are JSON but not an object: each once answered 500 (parsed a second time)
    ['filter', '?filter=null'],
    ['filter', '?filter=[]'],
    ['filter', '?filter=1'],
    ['filter', '?filter="x"'],
    ['filter', '?filter=true'],
  ])('list: %s %s', async (name, qs) => {
    const res = await sales1.get(`/api/crm/leads${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toContain(name);
  });

  it.each([
    ['subject', {}],
    ['subject', { subject: '' }],
    ['email', { subject: 's', email: 'not-an-email' }],
    ['mobile', { subject: 's', mobile: 'call me maybe' }],
    ['nosuchfield', { subject: 's', nosuchfield: 1 }],
    ['subject', { subject: 'x'.repeat(201) }],
  ])('create: %s', async (field, body) => {
    const before = (await admin.get('/api/crm/leads')).headers['content-range'];
    const res = await sales1.post('/api/crm/leads', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect((await admin.get('/api/crm/leads')).headers['content-range']).toBe(before);
  });

  it('refuses a malformed JSON body and a non-object body', async () => {
    const bad = await app.http().post('/api/crm/leads').set('Authorization', `Bearer ${sales1.token}`)
      .set('Content-Type', 'application/json').send('{"subject": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('body: is not valid JSON');
    const arr = await sales1.post('/api/crm/leads', [1, 2]);
    expect(arr.status).toBe(400);
    expect(arr.body.error.message).toContain('body');
  });

  it('refuses bad ids', async () => {
    expect((await sales1.get('/api/crm/leads/abc')).status).toBe(400);
    expect((await sales1.get('/api/crm/leads/999999')).status).toBe(404);
  });
});

describe('health', () => {
  it('answers /_health with 204', async () => {
    expect((await app.http().get('/_health')).status).toBe(204);
  });
});
