// Follow-ups: planned → done (with an outcome) or cancelled, through the action, PUT and bulk;
// completing one moves the customer's last/next follow-up by the level's interval; overdue is
// derived at read time; the calendar shows what the caller may see.
import { bootApp, listQuery, type TestApp } from '../helpers/app';
import { newCustomer, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
});
afterAll(() => app?.stop());

const HOUR = 3600000;
const plan = async (customer: number, startsIn: number, who = org.sales1) =>
  (await who.post('/api/crm/interactions', { kind: 'phone', subject: '电话回访', customer, start: new Date(Date.now() + startsIn).toISOString() }).expect(201)).body;
const read = async (id: number) => (await org.sales1.get(`/api/crm/interactions/${id}`).expect(200)).body;

describe('completing', () => {
  it('records the outcome and sets the customer\'s last and next follow-up from the level (A: 7 days)', async () => {
    const c = await newCustomer(org.sales1, { level: 'A' });
    const i = await plan(c.id, -2 * HOUR);
    expect(i).toMatchObject({ state: 'planned', overdue: true, actions: ['complete', 'cancel'] });
    const t0 = Date.now();
    const done = await org.sales1.post(`/api/crm/interactions/${i.id}/complete`, { outcome: '约周六看房' }).expect(200);
    expect(done.body).toMatchObject({ state: 'done', outcome: '约周六看房', overdue: false, actions: [] });
    const customer = (await org.sales1.get(`/api/crm/customers/${c.id}`).expect(200)).body;
    const last = new Date(customer.lastFollowUpAt).getTime();
    expect(last).toBeGreaterThanOrEqual(t0 - 1000);
    expect(new Date(customer.nextFollowUpAt).getTime() - last).toBe(7 * 24 * HOUR);
  });

  it('level H is followed up every 2 days, and the customer may not set these times itself', async () => {
    const c = await newCustomer(org.sales1, { level: 'H' });
    const i = await plan(c.id, HOUR);
    await org.sales1.post(`/api/crm/interactions/${i.id}/complete`, { outcome: '已报价' }).expect(200);
    const customer = (await org.sales1.get(`/api/crm/customers/${c.id}`)).body;
    expect(new Date(customer.nextFollowUpAt).getTime() - new Date(customer.lastFollowUpAt).getTime()).toBe(2 * 24 * HOUR);
    const put = await org.sales1.put(`/api/crm/customers/${c.id}`, { ...customer, nextFollowUpAt: '2030-01-01T00:00:00.000Z' }).expect(200);
    expect(put.body.nextFollowUpAt).toBe(customer.nextFollowUpAt);
  });

  it('refuses completing without an outcome (400) or twice (409), changing nothing', async () => {
    const c = await newCustomer(org.sales1);
    const i = await plan(c.id, HOUR);
    const none = await org.sales1.post(`/api/crm/interactions/${i.id}/complete`, { outcome: '  ' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe('outcome');
    expect(await read(i.id)).toEqual(i);
    await org.sales1.post(`/api/crm/interactions/${i.id}/complete`, { outcome: '接通' }).expect(200);
    const twice = await org.sales1.post(`/api/crm/interactions/${i.id}/complete`, { outcome: '又接通' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toEqual({ status: 'done', action: 'complete', allowed: [], code: 'transition_not_allowed' });
    expect((await read(i.id)).outcome).toBe('接通');
  });

  it('a plain PUT completes only with an outcome, and a done follow-up is history', async () => {
    const c = await newCustomer(org.sales1);
    const i = await plan(c.id, HOUR);
    const bare = await org.sales1.put(`/api/crm/interactions/${i.id}`, { ...i, state: 'done' });
    expect(bare.status).toBe(400);
    expect((await read(i.id)).state).toBe('planned');
    const done = await org.sales1.put(`/api/crm/interactions/${i.id}`, { ...i, state: 'done', outcome: '客户在外地' }).expect(200);
    expect(done.body.state).toBe('done');
    const edit = await org.sales1.put(`/api/crm/interactions/${i.id}`, { ...done.body, outcome: '改写历史' });
    expect(edit.status).toBe(409);
    expect((await read(i.id)).outcome).toBe('客户在外地');
    expect((await org.sales1.get(`/api/crm/customers/${c.id}`)).body.lastFollowUpAt).not.toBeNull();
  });

  it('bulk complete: all or nothing', async () => {
    const c = await newCustomer(org.sales1);
    const [a, b] = [await plan(c.id, HOUR), await plan(c.id, 2 * HOUR)];
    await org.sales1.post(`/api/crm/interactions/${b.id}/cancel`).expect(200);
    const res = await org.sales1.post('/api/crm/interactions/bulk/complete', { ids: [a.id, b.id], outcome: '群发短信' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ id: b.id, status: 'cancelled' });
    expect((await read(a.id)).state).toBe('planned');
    await org.sales1.post('/api/crm/interactions/bulk/complete', { ids: [a.id], outcome: '群发短信' }).expect(200, { updated: 1 });
  });
});

describe('overdue and views', () => {
  it('overdue is derived: a future plan is not overdue, and today\'s follow-ups filter by start', async () => {
    const c = await newCustomer(org.sales1);
    const soon = await plan(c.id, 10 * 60000);
    expect(soon.overdue).toBe(false);
    const today = await org.sales1.get(`/api/crm/interactions?${listQuery({ filter: { state: 'planned', start_gte: new Date(Date.now() - HOUR).toISOString(), start_lte: new Date(Date.now() + HOUR).toISOString() } })}`).expect(200);
    expect(today.body.map((i: any) => i.id)).toContain(soon.id);
  });

  it('the calendar returns the caller\'s follow-ups in range and refuses a bad range', async () => {
    const c = await newCustomer(org.sales2);
    const theirs = await plan(c.id, 3 * HOUR, org.sales2);
    const mine = await plan((await newCustomer(org.sales1)).id, 3 * HOUR);
    const q = `from=${encodeURIComponent(new Date(Date.now()).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 7 * 24 * HOUR).toISOString())}`;
    const cal = (await org.sales1.get(`/api/crm/calendar?${q}`).expect(200)).body.map((i: any) => i.id);
    expect(cal).toContain(mine.id);
    expect(cal).not.toContain(theirs.id);
    const mgr = (await org.manager.get(`/api/crm/calendar?${q}`).expect(200)).body.map((i: any) => i.id);
    expect(mgr).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const bad = await org.sales1.get('/api/crm/calendar?from=yesterday&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('from');
  });
});
