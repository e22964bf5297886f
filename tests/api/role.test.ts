// Roles at run time: an admin changes a role's grants and every check, `/me` and the record's
// `actions` follow at once, on this instance and on any other reading the same database.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
let admin: Client, sales1: Client;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  [admin, sales1] = await Promise.all([app.as('admin'), app.as('sales1')]);
});
afterAll(() => app?.stop());

const roleOf = async (type: string) => (await admin.get(`/api/crm/roles?${listQuery({ filter: { type } })}`).expect(200)).body[0];

describe('GET /api/crm/roles', () => {
  it('lists the six roles with their grants, for admins only', async () => {
    const res = await admin.get(`/api/crm/roles?${listQuery({ range: [0, 99] })}`).expect(200);
    const crm = res.body.filter((r: any) => r.grants);
    expect(crm.map((r: any) => r.type).sort()).toEqual(['admin', 'marketing', 'reception', 'sales', 'sales-manager', 'service']);
    expect(crm.find((r: any) => r.type === 'sales').grants.leads).toEqual({ actions: expect.arrayContaining(['convert', 'close']), scope: 'own' });
    expect((await sales1.get('/api/crm/roles')).status).toBe(403);
  });
});

describe('PUT /api/crm/roles/:id', () => {
  it('revokes 关闭线索 for consultants at once: the action is refused, gone from /me and from the lead', async () => {
    const lead = (await sales1.post('/api/crm/leads', { subject: '权限测试' }).expect(201)).body;
    expect(lead.actions).toContain('close');
    const sales = await roleOf('sales');
    const grants = { ...sales.grants, leads: { ...sales.grants.leads, actions: sales.grants.leads.actions.filter((a: string) => a !== 'close') } };
    await admin.put(`/api/crm/roles/${sales.id}`, { ...sales, grants }).expect(200);

    const refused = await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '预算不足' });
    expect(refused.status).toBe(403);
    expect((await sales1.post('/api/crm/leads/bulk/close', { ids: [lead.id], reason: 'x' })).status).toBe(403);
    expect((await sales1.get('/api/crm/me')).body.resources.leads).not.toContain('close');
    expect((await sales1.get(`/api/crm/leads/${lead.id}`)).body.actions).not.toContain('close');

    // given back, it works again (Strapi's route permission follows the grant)
    const now = await roleOf('sales');
    await admin.put(`/api/crm/roles/${now.id}`, { ...now, grants: sales.grants }).expect(200);
    await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '预算不足' }).expect(200);
  });

  it('grants a new action end to end, including Strapi\'s route permission', async () => {
    const sales = await roleOf('sales');
    expect((await sales1.get('/api/crm/stages')).status).toBe(200);
    expect((await sales1.post('/api/crm/sources', { name: '抖音', order: 50 })).status).toBe(403);
    const grants = { ...sales.grants, sources: { actions: ['list', 'show', 'create'], scope: 'all' } };
    await admin.put(`/api/crm/roles/${sales.id}`, { ...sales, grants }).expect(200);
    await sales1.post('/api/crm/sources', { name: '抖音', order: 50 }).expect(201);
    const back = await roleOf('sales');
    await admin.put(`/api/crm/roles/${back.id}`, { ...back, grants: sales.grants }).expect(200);
    expect((await sales1.post('/api/crm/sources', { name: '快手', order: 51 })).status).toBe(403);
  });

  it('sees a change another instance wrote into the database at once', async () => {
    const sales = await roleOf('sales');
    const grants = { ...sales.grants, leads: { ...sales.grants.leads, actions: sales.grants.leads.actions.filter((a: string) => a !== 'create') } };
    // another instance: a write this process's services never saw
    await app.strapi.db.query('plugin::users-permissions.role').update({ where: { id: sales.id }, data: { grants, version: sales.version + 1 } });
    expect((await sales1.post('/api/crm/leads', { subject: '另一实例撤销后' })).status).toBe(403);
    await app.strapi.db.query('plugin::users-permissions.role').update({ where: { id: sales.id }, data: { grants: sales.grants, version: sales.version + 2 } });
    await sales1.post('/api/crm/leads', { subject: '恢复后' }).expect(201);
  });

  it.each([
    [{ nosuch: { actions: ['list'], scope: 'all' } }, 'grants.nosuch', 'unknown_resource'],
    [{ leads: { actions: ['fly'], scope: 'own' } }, 'grants.leads', 'unknown_action'],
    [{ leads: { actions: ['list'], scope: 'everyone' } }, 'grants.leads', 'invalid_grant'],
    ['all of it', 'grants', 'invalid_type'],
  ])('refuses grants %p naming %s, changing nothing', async (grants, field, code) => {
    const sales = await roleOf('sales');
    const res = await admin.put(`/api/crm/roles/${sales.id}`, { ...sales, grants });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ field, code });
    expect(await roleOf('sales')).toEqual(sales);
  });

  it('never lets the admin role lose editing roles, and audits every change', async () => {
    const role = await roleOf('admin');
    const { roles: _gone, ...rest } = role.grants;
    const res = await admin.put(`/api/crm/roles/${role.id}`, { ...role, grants: rest });
    expect(res.body.error.details).toMatchObject({ field: 'grants.roles', code: 'admin_lockout' });
    const sales = await roleOf('sales');
    const events = (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'roles', recordId: sales.id, field: 'grants' } })}`)).body;
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]).toMatchObject({ action: 'update', actorName: 'admin' });
  });
});
