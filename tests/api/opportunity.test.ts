// Opportunity rules through every entry point: action endpoints, plain PUT, bulk and the
// Document Service (Strapi's admin panel). A refusal is a 409 with the allowed moves and
// changes nothing.
import { bootApp, type TestApp } from '../helpers/app';
import { newOpportunity, salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;

beforeAll(async () => {
  app = await bootApp();
  org = await salesOrg(app);
});
afterAll(() => app?.stop());

const read = async (id: number) => (await org.sales1.get(`/api/crm/opportunities/${id}`).expect(200)).body;
const act = (id: number, action: string, body?: unknown, who = org.sales1) => who.post(`/api/crm/opportunities/${id}/${action}`, body ?? {});

describe('creating', () => {
  it('starts open in the first stage with its probability, and offers the open moves', async () => {
    const o = await newOpportunity(org.sales1);
    const stages = (await org.sales1.get('/api/crm/stages?sort=["order","ASC"]').expect(200)).body;
    expect(stages.map((s: any) => s.name)).toEqual(['首次来访', '二次来访', '三次来访', '认购', '签约']);
    expect(o).toMatchObject({ status: 'open', stage: stages[0].id, probability: 10, lossRequested: false, owner: org.ids.sales1, version: 1 });
    expect(o.actions).toEqual(['win', 'move', 'request-loss']);
  });

  it('is named `<customer>对<product>有意向` when the user gives no name', async () => {
    const customer = (await org.sales1.post('/api/crm/customers', { name: '孙女士' }).expect(201)).body;
    const res = await org.sales1.post('/api/crm/opportunities', { customer: customer.id, product: '翠湖花园 两居' }).expect(201);
    expect(res.body.name).toBe('孙女士对翠湖花园 两居有意向');
    const blank = await org.sales1.put(`/api/crm/opportunities/${res.body.id}`, { ...res.body, name: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.field).toBe('name');
  });

  it('refuses creating one in another status', async () => {
    const customer = (await org.sales1.post('/api/crm/customers', { name: '直接成交' }).expect(201)).body;
    const res = await org.sales1.post('/api/crm/opportunities', { name: 'x', customer: customer.id, status: 'won' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ status: null, allowed: ['open'], code: 'transition_not_allowed' });
  });
});

describe('stage and probability', () => {
  it('moving the stage sets the probability from it unless the user chose one', async () => {
    const o = await newOpportunity(org.sales1);
    const stages = (await org.sales1.get('/api/crm/stages?sort=["order","ASC"]')).body;
    const moved = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, stage: stages[2].id }).expect(200);
    expect(moved.body).toMatchObject({ stage: stages[2].id, probability: 50, version: 2 });
    const chosen = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...moved.body, stage: stages[3].id, probability: 65 }).expect(200);
    expect(chosen.body).toMatchObject({ stage: stages[3].id, probability: 65 });
  });

  it('the Kanban move is one rule-checked write: stale version or a won opportunity is refused and nothing moves', async () => {
    const o = await newOpportunity(org.sales1);
    const stages = (await org.sales1.get('/api/crm/stages?sort=["order","ASC"]')).body;
    const ok = await act(o.id, 'move', { stage: stages[1].id, version: o.version }).expect(200);
    expect(ok.body).toMatchObject({ stage: stages[1].id, probability: 30 });
    const stale = await act(o.id, 'move', { stage: stages[2].id, version: o.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ field: 'version', version: 2 });
    await act(o.id, 'win').expect(200);
    const won = await act(o.id, 'move', { stage: stages[0].id });
    expect(won.status).toBe(409);
    expect(won.body.error.details).toMatchObject({ status: 'won', action: 'move', allowed: ['close'] });
    expect(await read(o.id)).toMatchObject({ stage: stages[1].id, status: 'won' });
  });
});

describe('win and close', () => {
  it('open → won → closed by actions; a closed opportunity accepts no edits or follow-ups', async () => {
    const o = await newOpportunity(org.sales1);
    expect((await act(o.id, 'win').expect(200)).body).toMatchObject({ status: 'won', actions: ['close'] });
    expect((await org.sales1.get(`/api/crm/customers/${o.customer}`).expect(200)).body.type).toBe('deal');
    const closed = (await act(o.id, 'close').expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', actions: [] });
    const edit = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...closed, name: '改名' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.details).toMatchObject({ status: 'closed', allowed: [] });
    const follow = await org.sales1.post('/api/crm/interactions', { subject: '回访', start: new Date().toISOString(), opportunity: o.id });
    expect(follow.status).toBe(409);
    expect(await read(o.id)).toEqual(closed);
  });

  it('a plain PUT may win (open → won) but never skip to closed or back to open', async () => {
    const o = await newOpportunity(org.sales1);
    const skip = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, status: 'closed' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.details.allowed).toEqual(['win', 'move', 'request-loss']);
    const won = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, status: 'won' }).expect(200);
    expect(won.body.status).toBe('won');
    const back = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...won.body, status: 'open' });
    expect(back.status).toBe(409);
    expect((await read(o.id)).status).toBe('won');
  });
});

describe('loss requests', () => {
  it('a consultant cannot mark it lost, by PUT or by approving their own request', async () => {
    const o = await newOpportunity(org.sales1);
    const put = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, status: 'lost', lossReason: '已购竞品' });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toMatch(/approving a loss request/);
    const req = await act(o.id, 'request-loss', { reason: '已购竞品', competitor: '碧桂园' }).expect(200);
    expect(req.body).toMatchObject({ status: 'open', lossRequested: true, lossReason: '已购竞品', competitor: '碧桂园' });
    expect(req.body.actions).toEqual(['move']); // the manager's moves are not the consultant's
    expect((await act(o.id, 'approve-loss')).status).toBe(403);
    expect((await read(o.id)).status).toBe('open');
  });

  it('request-loss needs a reason and cannot be filed twice', async () => {
    const o = await newOpportunity(org.sales1);
    const none = await act(o.id, 'request-loss', {});
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe('reason');
    await act(o.id, 'request-loss', { reason: '价格原因' }).expect(200);
    const twice = await act(o.id, 'request-loss', { reason: '别的' });
    expect(twice.status).toBe(409);
    expect((await read(o.id)).lossReason).toBe('价格原因');
  });

  it('the manager approves (→ lost, frozen until reactivated), rejects (stays open) or reassigns', async () => {
    const a = await newOpportunity(org.sales1);
    await act(a.id, 'request-loss', { reason: '已购竞品' }).expect(200);
    const queue = await org.manager.get(`/api/crm/opportunities?filter=${encodeURIComponent(JSON.stringify({ lossRequested: true }))}`).expect(200);
    expect(queue.body.map((o: any) => o.id)).toContain(a.id);
    expect(queue.body.find((o: any) => o.id === a.id).actions).toEqual(['move', 'approve-loss', 'reject-loss', 'reassign']);
    const lost = (await act(a.id, 'approve-loss', {}, org.manager).expect(200)).body;
    expect(lost).toMatchObject({ status: 'lost', lossRequested: false, actions: ['reactivate'] });
    expect((await org.sales1.put(`/api/crm/opportunities/${a.id}`, { ...lost, name: '改名' })).status).toBe(409);
    expect((await org.sales1.post('/api/crm/interactions', { subject: '回访', start: new Date().toISOString(), opportunity: a.id })).status).toBe(409);
    expect((await act(a.id, 'reactivate').expect(200)).body).toMatchObject({ status: 'open', lossReason: null });

    const b = await newOpportunity(org.sales1);
    await act(b.id, 'request-loss', { reason: '价格原因' }).expect(200);
    const rejected = await act(b.id, 'reject-loss', { note: '再约一次看房' }, org.manager).expect(200);
    expect(rejected.body).toMatchObject({ status: 'open', lossRequested: false, lossNote: '再约一次看房', owner: org.ids.sales1 });

    const c = await newOpportunity(org.sales1);
    await act(c.id, 'request-loss', { reason: '联系不上' }).expect(200);
    const moved = await act(c.id, 'reassign', { owner: org.ids.sales2 }, org.manager).expect(200);
    expect(moved.body).toMatchObject({ status: 'open', lossRequested: false, owner: org.ids.sales2 });
    expect((await org.sales1.get(`/api/crm/opportunities/${c.id}`)).status).toBe(404);
    expect((await org.sales2.get(`/api/crm/opportunities/${c.id}`)).status).toBe(200);
  });

  it('the Document Service (what Strapi\'s admin panel uses) cannot mark it lost either', async () => {
    const o = await newOpportunity(org.sales1);
    const row = await app.strapi.db.query('api::opportunity.opportunity').findOne({ where: { id: o.id } });
    await expect(
      app.strapi.documents('api::opportunity.opportunity').update({ documentId: row.documentId, data: { opportunityStatus: 'lost' } }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await read(o.id)).status).toBe('open');
  });
});

describe('bulk', () => {
  it('wins several at once, or none when one is refused (the error names it)', async () => {
    const [a, b, c] = [await newOpportunity(org.sales1), await newOpportunity(org.sales1), await newOpportunity(org.sales1)];
    await org.sales1.post('/api/crm/opportunities/bulk/win', { ids: [a.id, b.id] }).expect(200, { updated: 2 });
    expect((await read(a.id)).status).toBe('won');
    await act(c.id, 'request-loss', { reason: '价格原因' }).expect(200);
    const d = await newOpportunity(org.sales1);
    const res = await org.sales1.post('/api/crm/opportunities/bulk/win', { ids: [d.id, c.id] });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ id: c.id, status: 'open', lossRequested: true });
    expect(res.body.error.message).toMatch(new RegExp(`^#${c.id}:`));
    expect((await read(d.id)).status).toBe('open');
  });
});

describe('concurrency', () => {
  it('two people saving the same version: one wins, the other gets 409, nothing is silently overwritten', async () => {
    const o = await newOpportunity(org.sales1);
    const [x, y] = await Promise.all([
      org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, estimatedValue: 1000000 }),
      org.manager.put(`/api/crm/opportunities/${o.id}`, { ...o, estimatedValue: 2000000 }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? x : y;
    expect(Number((await read(o.id)).estimatedValue)).toBe(Number(winner.body.estimatedValue));
    expect((await read(o.id)).version).toBe(2);
  });

  it('two managers deciding one loss request at once: one decision lands', async () => {
    const o = await newOpportunity(org.sales1);
    await act(o.id, 'request-loss', { reason: '价格原因' }).expect(200);
    const [x, y] = await Promise.all([act(o.id, 'approve-loss', {}, org.manager), act(o.id, 'reject-loss', { note: 'x' }, org.admin)]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect(['lost', 'open']).toContain((await read(o.id)).status);
  });

  it('a PUT without the version it read is refused', async () => {
    const o = await newOpportunity(org.sales1);
    const res = await org.sales1.put(`/api/crm/opportunities/${o.id}`, { name: '新名字' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('version');
  });
});

describe('Strapi\'s admin panel', () => {
  it('gets the same version check when its form sends back the version it read', async () => {
    const o = await newOpportunity(org.sales1);
    const row = await app.strapi.db.query('api::opportunity.opportunity').findOne({ where: { id: o.id } });
    await org.sales1.put(`/api/crm/opportunities/${o.id}`, { ...o, estimatedValue: 990000 }).expect(200);
    await expect(
      app.strapi.documents('api::opportunity.opportunity').update({ documentId: row.documentId, data: { estimatedValue: 1, version: o.version } }),
    ).rejects.toMatchObject({ status: 409 });
    expect(Number((await read(o.id)).estimatedValue)).toBe(990000);
  });
});
