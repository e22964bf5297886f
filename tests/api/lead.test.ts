// Lead close/reactivate through each entry point: action endpoint, plain PUT, and the
// Document Service (what Strapi's admin panel and any server code use). A refusal changes nothing.
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';

let app: TestApp;
let sales1: Client, sales2: Client;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('sales1', 'sales');
  await app.staff('sales2', 'sales');
  [sales1, sales2] = await Promise.all([app.as('sales1'), app.as('sales2')]);
});
afterAll(() => app?.stop());

const newLead = async () => (await sales1.post('/api/crm/leads', { subject: '线索', mobile: '13800000000' }).expect(201)).body;
const read = async (id: number) => (await sales1.get(`/api/crm/leads/${id}`).expect(200)).body;

describe('action endpoints', () => {
  it('closes an active lead with a reason and reactivates it', async () => {
    const lead = await newLead();
    const closed = await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '预算不足' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'disqualified', closeReason: '预算不足' });
    const again = await sales1.post(`/api/crm/leads/${lead.id}/reactivate`).expect(200);
    expect(again.body).toMatchObject({ status: 'active', closeReason: null });
  });

  it('refuses closing without a reason (400) and reactivating an active lead (409), changing nothing', async () => {
    const lead = await newLead();
    const noReason = await sales1.post(`/api/crm/leads/${lead.id}/close`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const refused = await sales1.post(`/api/crm/leads/${lead.id}/reactivate`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ status: 'active', action: 'reactivate', allowed: ['convert', 'close'], code: 'transition_not_allowed' });
    expect(await read(lead.id)).toEqual(lead);
  });

  it('refuses a second close with 409', async () => {
    const lead = await newLead();
    await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '联系不上' }).expect(200);
    const twice = await sales1.post(`/api/crm/leads/${lead.id}/close`, { reason: '别的原因' });
    expect(twice.status).toBe(409);
    expect((await read(lead.id)).closeReason).toBe('联系不上');
  });

  it("answers 404 for a colleague's lead", async () => {
    const lead = await newLead();
    expect((await sales2.post(`/api/crm/leads/${lead.id}/close`, { reason: 'x' })).status).toBe(404);
    expect((await read(lead.id)).status).toBe('active');
  });
});

describe('plain PUT obeys the same table', () => {
  it('allows active → disqualified with a reason', async () => {
    const lead = await newLead();
    const res = await sales1.put(`/api/crm/leads/${lead.id}`, { ...lead, status: 'disqualified', closeReason: '已购竞品' }).expect(200);
    expect(res.body.status).toBe('disqualified');
  });

  it('refuses active → qualified (only converting qualifies) with 409 and the allowed moves', async () => {
    const lead = await newLead();
    const res = await sales1.put(`/api/crm/leads/${lead.id}`, { ...lead, status: 'qualified', description: '改了' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.allowed).toEqual(['convert', 'close']);
    expect(await read(lead.id)).toEqual(lead);
  });

  it('refuses closing without a reason, changing nothing', async () => {
    const lead = await newLead();
    const res = await sales1.put(`/api/crm/leads/${lead.id}`, { ...lead, status: 'disqualified', description: '改了' });
    expect(res.status).toBe(400);
    expect(await read(lead.id)).toEqual(lead);
  });

  it('refuses creating a lead in another status', async () => {
    const res = await sales1.post('/api/crm/leads', { subject: '直接合格', status: 'qualified' });
    expect(res.status).toBe(409);
  });
});

describe('the Document Service (admin panel, server code) obeys it too', () => {
  it('refuses a direct document update that skips the rules', async () => {
    const lead = await newLead();
    const row = await app.strapi.db.query('api::lead.lead').findOne({ where: { id: lead.id } });
    await expect(
      app.strapi.documents('api::lead.lead').update({ documentId: row.documentId, data: { leadStatus: 'qualified' } }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await read(lead.id)).status).toBe('active');
  });
});

describe('convert', () => {
  it('creates the customer and the opportunity `<customer>对<product>有意向`, once', async () => {
    const lead = (await sales1.post('/api/crm/leads', { subject: '王先生咨询三居', targetCustomer: '王先生', mobile: '13911110001', level: 'H', source: '到访' }).expect(201)).body;
    const res = await sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '滨江壹号' }).expect(200);
    expect(res.body.lead).toMatchObject({ status: 'qualified', customer: res.body.customer.id, opportunity: res.body.opportunity.id, actions: [] });
    expect(res.body.customer).toMatchObject({ name: '王先生', mobile: '13911110001', level: 'H', source: '到访', owner: lead.owner, inPool: false });
    expect(res.body.opportunity).toMatchObject({ name: '王先生对滨江壹号有意向', customer: res.body.customer.id, lead: lead.id, status: 'open', probability: 10, owner: lead.owner });
    const again = await sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '翠湖花园' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ status: 'qualified', action: 'convert', allowed: [], code: 'transition_not_allowed' });
    const opps = await sales1.get(`/api/crm/opportunities?${listQuery({ filter: { customer: res.body.customer.id } })}`).expect(200);
    expect(opps.body).toHaveLength(1);
  });

  it('reuses the customer with the same mobile, and refuses (changing nothing) when it is a colleague\'s', async () => {
    const mine = (await sales1.post('/api/crm/customers', { name: '李女士', mobile: '13911110002' }).expect(201)).body;
    const lead = (await sales1.post('/api/crm/leads', { subject: '李女士再次来电', targetCustomer: '李女士', mobile: '13911110002' }).expect(201)).body;
    const res = await sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '翠湖花园' }).expect(200);
    expect(res.body.customer.id).toBe(mine.id);
    expect(res.body.opportunity.name).toBe('李女士对翠湖花园有意向');

    const theirs = (await sales2.post('/api/crm/leads', { subject: '撞单', targetCustomer: '李女士', mobile: '13911110002' }).expect(201)).body;
    const before = await app.strapi.db.query('api::opportunity.opportunity').count();
    const clash = await sales2.post(`/api/crm/leads/${theirs.id}/convert`, { product: '翠湖花园' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details).toMatchObject({ field: 'mobile', owner: 'sales1' });
    expect(await app.strapi.db.query('api::opportunity.opportunity').count()).toBe(before);
    expect((await sales2.get(`/api/crm/leads/${theirs.id}`).expect(200)).body).toMatchObject({ status: 'active', customer: null, opportunity: null });
  });

  it('five converts of one lead at once: one 200, four 409, one customer, one opportunity', async () => {
    const mobile = '13911119999';
    const lead = (await sales1.post('/api/crm/leads', { subject: '并发转化', targetCustomer: '赵先生', mobile }).expect(201)).body;
    const res = await Promise.all(Array.from({ length: 5 }, (_, i) => sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: `产品${i}` })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const r of res.filter((x) => x.status === 409)) expect(r.body.error.details).toMatchObject({ status: 'qualified', action: 'convert' });
    expect(await app.strapi.db.query('api::customer.customer').count({ where: { mobile } })).toBe(1);
    expect(await app.strapi.db.query('api::opportunity.opportunity').count({ where: { lead: { id: lead.id } } })).toBe(1);
    const won = res.find((r) => r.status === 200)!.body;
    expect((await read(lead.id))).toMatchObject({ status: 'qualified', opportunity: won.opportunity.id, customer: won.customer.id });
  });

  it('takes what the dialog says about the new opportunity, validated like a typed-in one', async () => {
    const stages = (await sales1.get(`/api/crm/stages?${listQuery({ sort: ['order', 'ASC'] })}`).expect(200)).body;
    const lead = (await sales1.post('/api/crm/leads', { subject: '带金额转化', targetCustomer: '钱女士', mobile: '13911118888' }).expect(201)).body;
    const bad = await sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '别墅', estimatedValue: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('estimatedValue');
    expect((await read(lead.id)).status).toBe('active');
    expect(await app.strapi.db.query('api::customer.customer').count({ where: { mobile: '13911118888' } })).toBe(0);
    const ok = await sales1.post(`/api/crm/leads/${lead.id}/convert`, { product: '别墅', estimatedValue: 3200000, stage: stages[2].id, expectedCloseDate: '2027-03-31' }).expect(200);
    expect(ok.body.opportunity).toMatchObject({ name: '钱女士对别墅有意向', estimatedValue: 3200000, stage: stages[2].id, probability: stages[2].probability, expectedCloseDate: '2027-03-31' });
  });

  it('bulk close closes all or none', async () => {
    const [a, b] = [await newLead(), await newLead()];
    await sales1.post('/api/crm/leads/bulk/close', { ids: [a.id, b.id], reason: '重复线索' }).expect(200, { updated: 2 });
    expect((await read(a.id)).status).toBe('disqualified');
    const c = await newLead();
    const res = await sales1.post('/api/crm/leads/bulk/close', { ids: [c.id, a.id], reason: '联系不上' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ id: a.id, status: 'disqualified' });
    expect((await read(c.id)).status).toBe('active');
    const none = await sales1.post('/api/crm/leads/bulk/close', { ids: [], reason: 'x' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe('ids');
  });

  it('qualified is reachable through the Document Service only with the conversion itself', async () => {
    const lead = await newLead();
    const row = await app.strapi.db.query('api::lead.lead').findOne({ where: { id: lead.id } });
    const customer = (await sales1.post('/api/crm/customers', { name: '伪造客户' }).expect(201)).body;
    expect((await sales1.post('/api/crm/opportunities', { name: '无客户' })).body.error.details.field).toBe('customer');
    const opp = (await sales1.post('/api/crm/opportunities', { name: '伪造', customer: customer.id }).expect(201)).body;
    await expect(
      app.strapi.documents('api::lead.lead').update({ documentId: row.documentId, data: { leadStatus: 'qualified', opportunity: { set: [{ id: opp.id }] } } }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await read(lead.id)).status).toBe('active');
  });
});
