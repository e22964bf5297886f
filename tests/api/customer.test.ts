// Customers: one mobile, one customer (撞单); the pool (公海) with the admin's claim rules;
// assignment by managers within their subtree; every change in the audit timeline.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { newCustomer, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
});
afterAll(() => app?.stop());

const claim = (c: Client, id: number) => c.post(`/api/crm/customers/${id}/claim`);
const release = (c: Client, id: number) => c.post(`/api/crm/customers/${id}/release`);
const setPool = async (value: Record<string, number>) => {
  const row = (await org.admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'pool' } })}`).expect(200)).body[0];
  await org.admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify(value) }).expect(200);
};
const history = async (id: number, who: Client = org.sales1) =>
  (await who.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: id }, sort: ['id', 'ASC'] })}`).expect(200)).body;

describe('duplicates', () => {
  it('refuses a second customer with the same mobile, naming whose it is', async () => {
    const c = await newCustomer(org.sales1);
    const res = await org.sales2.post('/api/crm/customers', { name: '又一个', mobile: c.mobile });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ field: 'mobile', code: 'mobile_taken', owner: 'sales1' });
  });

  it('treats 139 1111 2222, +86 13911112222 and 13911112222 as one number', async () => {
    const c = (await org.sales1.post('/api/crm/customers', { name: '空格号码', mobile: '139 1111 2222' }).expect(201)).body;
    expect(c.mobile).toBe('13911112222');
    for (const mobile of ['+86 139-1111-2222', '13911112222']) {
      const res = await org.sales2.post('/api/crm/customers', { name: '同号', mobile });
      expect([mobile, res.status, res.body.error?.details?.code]).toEqual([mobile, 409, 'mobile_taken']);
    }
  });

  it('five creates of one mobile at once: one 201, four 409 naming the owner, one customer', async () => {
    const mobile = '13755550000';
    const who = [org.sales1, org.sales2, org.manager, org.admin, org.sales1];
    const res = await Promise.all(who.map((c, i) => c.post('/api/crm/customers', { name: `并发${i}`, mobile })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const owner = res.find((r) => r.status === 201)!.body.owner;
    const ownerName = (await org.admin.get(`/api/crm/staff/${owner}`)).body.displayName;
    for (const r of res.filter((x) => x.status === 409)) {
      expect(r.body.error.details).toEqual({ field: 'mobile', code: 'mobile_taken', owner: ownerName });
    }
    expect(await app.strapi.db.query('api::customer.customer').count({ where: { mobile } })).toBe(1);
  });

  it('is guaranteed by a unique index, whatever writes the table', async () => {
    const c = await newCustomer(org.sales1);
    const row = await app.strapi.db.query('api::customer.customer').findOne({ where: { id: c.id } });
    const table = app.strapi.db.getConnection('customers');
    // (matched by message: SQLite's native error class comes from the first test file's realm)
    await expect(table.insert({ document_id: 'dup-by-sql', name: '绕过规则', mobile: row.mobile })).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
    // no mobile is no number: any number of customers may have none
    await org.sales1.post('/api/crm/customers', { name: '无号码甲' }).expect(201);
    await org.sales1.post('/api/crm/customers', { name: '无号码乙', mobile: '' }).expect(201);
  });
});

describe('the pool', () => {
  it('release puts a customer in the pool, visible to colleagues; a claim takes it, and colleagues lose sight of it', async () => {
    const c = await newCustomer(org.sales1);
    expect(c.actions).toEqual(['release']);
    const released = (await release(org.sales1, c.id).expect(200)).body;
    expect(released).toMatchObject({ inPool: true, owner: null, actions: ['claim'] });
    const pool = await org.sales2.get(`/api/crm/customers?${listQuery({ filter: { inPool: true } })}`).expect(200);
    expect(pool.body.map((x: any) => x.id)).toContain(c.id);
    // readable, but not writable until claimed
    expect((await org.sales2.put(`/api/crm/customers/${c.id}`, { ...released, name: '改名' })).status).toBe(404);
    const claimed = (await claim(org.sales2, c.id).expect(200)).body;
    expect(claimed).toMatchObject({ inPool: false, owner: org.ids.sales2 });
    expect((await org.sales1.get(`/api/crm/customers/${c.id}`)).status).toBe(404);
    expect((await claim(org.sales2, c.id)).status).toBe(409);
    const events = await history(c.id, org.sales2);
    const byIntent = (intent: string) => events.filter((e: any) => e.intent === intent).map((e: any) => `${e.action}:${e.field}`).sort();
    expect(events[0]).toMatchObject({ action: 'create', field: null, actorName: 'sales1' });
    expect(byIntent('release')).toEqual(['release:owner', 'update:inPool']);
    expect(byIntent('claim')).toEqual(['claim:owner', 'update:inPool']);
    expect(events.find((e: any) => e.action === 'claim')).toMatchObject({ actor: org.ids.sales2, actorName: 'sales2', from: null, to: org.ids.sales2 });
  });

  it('two consultants claiming one customer at once: one gets it, the other 409', async () => {
    const c = await newCustomer(org.manager);
    await release(org.manager, c.id).expect(200);
    const [a, b] = await Promise.all([claim(org.sales1, c.id), claim(org.sales2, c.id)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const owner = (await org.admin.get(`/api/crm/customers/${c.id}`)).body.owner;
    expect(owner).toBe(a.status === 200 ? org.ids.sales1 : org.ids.sales2);
  });

  it('enforces the admin\'s rules, naming the rule: re-claim wait, claims per day, customers held', async () => {
    const c = await newCustomer(org.sales1);
    await release(org.sales1, c.id).expect(200);
    const wait = await claim(org.sales1, c.id);
    expect(wait.status).toBe(409);
    expect(wait.body.error.details).toMatchObject({ rule: 'reclaimAfterDays', limit: 30 });
    expect(wait.body.error.message).toMatch(/^reclaimAfterDays:/);

    const pooled = [];
    for (let i = 0; i < 3; i++) {
      const x = await newCustomer(org.admin);
      await release(org.admin, x.id).expect(200);
      pooled.push(x.id);
    }
    const used = (await app.strapi.db.query('api::audit-event.audit-event').count({ where: { action: 'claim', actor: { id: org.ids.sales2 } } })) as number;
    await setPool({ claimsPerDay: used + 1 });
    await claim(org.sales2, pooled[0]).expect(200);
    const perDay = await claim(org.sales2, pooled[1]);
    expect(perDay.status).toBe(409);
    expect(perDay.body.error.details.rule).toBe('claimsPerDay');

    const held = (await app.strapi.db.query('api::customer.customer').count({ where: { owner: { id: org.ids.sales2 } } })) as number;
    await setPool({ claimsPerDay: 100, maxCustomersPerOwner: held });
    const full = await claim(org.sales2, pooled[1]);
    expect(full.status).toBe(409);
    expect(full.body.error.details.rule).toBe('maxCustomersPerOwner');
    expect((await org.admin.get(`/api/crm/customers/${pooled[1]}`)).body).toMatchObject({ inPool: true, owner: null });
    await setPool({ claimsPerDay: 20, maxCustomersPerOwner: 300 });
  });

  it('converting a lead with a pool customer\'s mobile is a claim: the same rules refuse it, nothing changes', async () => {
    const c = await newCustomer(org.sales1);
    await release(org.sales1, c.id).expect(200);
    const lead = (await org.sales1.post('/api/crm/leads', { subject: '绕过公海规则', mobile: c.mobile }).expect(201)).body;
    const opps = await app.strapi.db.query('api::opportunity.opportunity').count();
    const res = await org.sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '滨江壹号' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ code: 'pool_rule', rule: 'reclaimAfterDays' });
    expect((await org.admin.get(`/api/crm/customers/${c.id}`)).body).toMatchObject({ inPool: true, owner: null });
    expect((await org.sales1.get(`/api/crm/leads/${lead.id}`)).body).toMatchObject({ status: 'active', customer: null });
    expect(await app.strapi.db.query('api::opportunity.opportunity').count()).toBe(opps);

    // a colleague allowed to claim it converts their lead onto it: it leaves the pool as their claim
    const theirs = (await org.sales2.post('/api/crm/leads', { subject: '同号线索', mobile: c.mobile }).expect(201)).body;
    const ok = await org.sales2.post(`/api/crm/leads/${theirs.id}/convert`, { product: '滨江壹号' }).expect(200);
    expect(ok.body.customer).toMatchObject({ id: c.id, inPool: false, owner: org.ids.sales2, mobile: c.mobile });
    const events = await history(c.id, org.sales2);
    expect(events.at(-1)).toMatchObject({ action: 'claim', field: 'owner', to: org.ids.sales2 });
  });

  it('masks a pool customer\'s mobile for consultants until they claim it', async () => {
    const c = await newCustomer(org.sales1);
    await release(org.sales1, c.id).expect(200);
    const masked = `${c.mobile.slice(0, 3)}****${c.mobile.slice(-4)}`;
    expect((await org.sales2.get(`/api/crm/customers/${c.id}`).expect(200)).body.mobile).toBe(masked);
    const listed = (await org.sales2.get(`/api/crm/customers?${listQuery({ filter: { id: [c.id] } })}`).expect(200)).body;
    expect(listed[0].mobile).toBe(masked);
    expect((await org.manager.get(`/api/crm/customers/${c.id}`).expect(200)).body.mobile).toBe(c.mobile);
    expect((await claim(org.sales2, c.id).expect(200)).body.mobile).toBe(c.mobile);
  });

  it('refuses a malformed setting value, naming the field', async () => {
    const row = (await org.admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'pool' } })}`)).body[0];
    const res = await org.admin.put(`/api/crm/settings/${row.id}`, { ...row, value: '{not json' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('value');
  });
});

describe('assignment', () => {
  it('a manager assigns in bulk to active staff of the subtree; a consultant cannot; the timeline shows it', async () => {
    const [a, b] = [await newCustomer(org.sales1), await newCustomer(org.sales1)];
    expect((await org.sales1.post('/api/crm/customers/assign', { ids: [a.id], owner: org.ids.sales2 })).status).toBe(403);
    await org.manager.post('/api/crm/customers/assign', { ids: [a.id, b.id], owner: org.ids.sales2 }).expect(200, { updated: 2, owner: org.ids.sales2 });
    expect((await org.sales2.get(`/api/crm/customers/${b.id}`).expect(200)).body.owner).toBe(org.ids.sales2);
    const events = await history(a.id, org.sales2);
    expect(events.at(-1)).toMatchObject({ action: 'assign', field: 'owner', from: org.ids.sales1, to: org.ids.sales2, actorName: 'manager' });
  });

  it('refuses staff outside the subtree, deactivated staff or roles that cannot own the record, changing nothing', async () => {
    const c = await newCustomer(org.sales1);
    const outsider = await app.staff('outsider', 'sales');
    const res = await org.manager.post('/api/crm/customers/assign', { ids: [c.id], owner: outsider });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^owner: outsider is not in your department/);
    const rec = await app.staff('front', 'reception', { department: org.ids.store });
    const role = await org.manager.post('/api/crm/customers/assign', { ids: [c.id], owner: rec });
    expect(role.status).toBe(400);
    expect(role.body.error.details.field).toBe('owner');
    expect((await org.sales1.get(`/api/crm/customers/${c.id}`).expect(200)).body.owner).toBe(org.ids.sales1);
  });
});

describe('the audit trail', () => {
  it('records field changes with who, from and to; nobody can change or delete an event', async () => {
    const c = await newCustomer(org.sales1, { level: 'B' });
    await org.sales1.put(`/api/crm/customers/${c.id}`, { ...c, level: 'H', hot: true }).expect(200);
    const events = await history(c.id);
    expect(events.slice(-2).map((e: any) => [e.field, e.from, e.to])).toEqual([['level', 'B', 'H'], ['hot', false, true]]);
    const id = events[0].id;
    expect([404, 405]).toContain((await org.admin.put(`/api/crm/audit-events/${id}`, { action: 'x' })).status);
    expect([404, 405]).toContain((await org.admin.del(`/api/crm/audit-events/${id}`)).status);
    const row = await app.strapi.db.query('api::audit-event.audit-event').findOne({ where: { id } });
    await expect(app.strapi.documents('api::audit-event.audit-event').update({ documentId: row.documentId, data: { actorName: '篡改' } })).rejects.toMatchObject({ status: 403 });
    await expect(app.strapi.documents('api::audit-event.audit-event').delete({ documentId: row.documentId })).rejects.toMatchObject({ status: 403 });
    expect((await history(c.id))[0]).toEqual(events[0]);
  });

  it('a colleague cannot read the history of a record they cannot see', async () => {
    const c = await newCustomer(org.sales1);
    const res = await org.sales2.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: c.id } })}`);
    expect(res.status).toBe(404);
    const all = await org.sales2.get('/api/crm/audit-events');
    expect(all.status).toBe(400);
  });
});
