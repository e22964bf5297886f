// Concurrency: 20 parallel conflicting requests on one record, for plain PUT edits of every
// editable resource and for every named action (resources and actions from /api/crm/me; the
// record chosen is one whose `actions` offer the action now). Never a 5xx; a one-shot
// transition succeeds exactly once and the others get 409; the version grows by the number of
// successes and the audit trail has one event per success. Then the races the SPEC names:
// 20 consultants claiming one pool customer, approve-loss/reject-loss mixed on one request,
// 20 `win`s and 20 `complete`s, and a bulk action racing itself.
import { bootApp, PASSWORD, type Client, type TestApp } from '../../helpers/app';
import { listAll, MARK, seedSuiteOrg, uniqueMobile, url, type SuiteOrg } from '../../helpers/suite-org';

const N = 20;
const CRUD = new Set(['list', 'show', 'create', 'edit', 'delete', 'assign']);

let app: TestApp;
let org: SuiteOrg;
let admin: Client;
const used = new Set<string>();

beforeAll(async () => {
  app = await bootApp();
  org = await seedSuiteOrg(app, { perWorker: 2 });
  admin = org.as.admin;
}, 120000);
afterAll(() => app?.stop());

const ok = (s: number) => s >= 200 && s < 300;
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
const read = async (resource: string, id: number) => (await admin.get(`/api/crm/${resource}/${id}`).expect(200)).body;
const events = async (resource: string, recordId: number) =>
  (await admin.get(url('audit-events', { filter: { resource, recordId }, range: [0, 999] })).expect(200)).body as any[];
const audited = async (resource: string, id: number) => (await events(resource, id)).length > 0;

/** Fires `n` requests at once and returns their answers. */
const burst = (n: number, fire: (i: number) => Promise<{ status: number; body: any }>) => Promise.all(Array.from({ length: n }, (_, i) => fire(i)));

function expectClean(label: string, answers: { status: number; body: any }[], allowed: number[] = [409]) {
  const bad = answers.filter((a) => !ok(a.status) && !allowed.includes(a.status));
  expect([label, bad.map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 160)}`)]).toEqual([label, []]);
  for (const a of answers) if (!ok(a.status)) expect([label, typeof a.body?.error?.message]).toEqual([label, 'string']);
}

describe('20 parallel PUTs with the same version, on every editable resource', () => {
  it('exactly one wins, the rest get 409; version +1 and one audit event', async () => {
    const results: string[] = [];
    for (const resource of Object.keys(org.resources).filter((r) => org.resources[r].includes('edit'))) {
      const rows = await listAll(admin, resource);
      // a record carrying a seed token in a text field (so there is something to change), not the admin itself
      const rec = rows.find((r) => r.id !== org.uid.admin && typeof r.version === 'number' && Object.values(r).some((v) => typeof v === 'string' && v.includes(MARK)))
        ?? rows.find((r) => typeof r.version === 'number' && r.id !== org.uid.admin);
      if (!rec) {
        // unversioned (configuration, staff): last writer wins by design, but never a 5xx
        const any = rows.find((r) => r.id !== org.uid.admin);
        if (!any) continue;
        const answers = await burst(N, () => admin.put(`/api/crm/${resource}/${any.id}`, any));
        expectClean(`${resource} PUT (unversioned)`, answers);
        results.push(`${resource} (unversioned): ${JSON.stringify(tally(answers.map((a) => a.status)))}`);
        continue;
      }
      const field = Object.keys(rec).find((k) => typeof rec[k] === 'string' && rec[k].includes(MARK));
      const wasAudited = await audited(resource, rec.id);
      const before = await events(resource, rec.id);
      const answers = await burst(N, (i) => admin.put(`/api/crm/${resource}/${rec.id}`, field ? { ...rec, [field]: `${MARK}-并发-${i}` } : rec));
      expectClean(`${resource} PUT`, answers);
      const wins = answers.filter((a) => ok(a.status));
      const after = await read(resource, rec.id);
      const newEvents = (await events(resource, rec.id)).filter((e) => !before.some((b) => b.id === e.id));
      results.push(`${resource}: ${JSON.stringify(tally(answers.map((a) => a.status)))}`);
      expect([resource, wins.length]).toEqual([resource, 1]);
      expect([resource, after.version]).toEqual([resource, rec.version + 1]);
      if (field) expect([resource, after[field]]).toEqual([resource, wins[0].body[field]]);
      if (wasAudited && field) expect([resource, newEvents.map((e) => `${e.action} ${e.field}`)]).toEqual([resource, [`update ${field}`]]);
      used.add(`${resource}:${rec.id}`);
    }
    console.log(`[concurrency] PUT ${results.join('; ')}`);
  });
});

describe('20 parallel calls of every named action on one record', () => {
  it('never a 5xx; a transition that leaves the state succeeds once, the rest 409; versions and audit agree', async () => {
    const results: string[] = [];
    const reason = (await listAll(admin, 'close-reasons'))[0]?.name ?? '预算不足';
    const stage = (await listAll(admin, 'stages')).slice(-1)[0]?.id;
    const body = { reason, outcome: '并发测试：已联系', note: '并发测试', owner: org.uid.salesA, stage, password: PASSWORD, resolution: '已处理' };
    for (const resource of Object.keys(org.resources)) {
      const named = org.resources[resource].filter((a) => !CRUD.has(a));
      for (const action of named) {
        // a record whose state offers the action now: one untouched so far if any, else one an
        // earlier race left in that state (request-loss leaves a loss request to approve…)
        const rows = (await listAll(admin, resource)).filter((r) => (r.actions ?? []).includes(action) && r.id !== org.uid.admin);
        const rec = rows.find((r) => !used.has(`${resource}:${r.id}`)) ?? rows[0];
        if (!rec) { results.push(`${resource}/${action}: no record offers it now`); continue; }
        used.add(`${resource}:${rec.id}`);
        const before = await events(resource, rec.id);
        const answers = await burst(N, () => admin.post(`/api/crm/${resource}/${rec.id}/${action}`, body));
        const statuses = answers.map((a) => a.status);
        results.push(`${resource}/${action}: ${JSON.stringify(tally(statuses))}`);
        // all refused alike (the state or the body refuses it): no race to judge, but never a 5xx
        if (new Set(statuses).size === 1 && !ok(statuses[0])) { expectClean(`${resource}/${action}`, answers, [statuses[0]]); continue; }
        expectClean(`${resource}/${action}`, answers);
        const wins = answers.filter((a) => ok(a.status)).length;
        const after = await read(resource, rec.id);
        const repeatable = (after.actions ?? []).includes(action);
        if (!repeatable) expect([resource, action, wins]).toEqual([resource, action, 1]);
        if (typeof rec.version === 'number') expect([resource, action, after.version - rec.version]).toEqual([resource, action, wins]);
        const fresh = (await events(resource, rec.id)).filter((e) => !before.some((b) => b.id === e.id));
        const transitions = fresh.filter((e) => e.action === 'transition');
        expect([resource, action, transitions.length <= wins]).toEqual([resource, action, true]);
        if (!repeatable && before.length && after.status !== undefined && after.status !== rec.status) {
          expect([resource, action, transitions.map((e) => `${e.from}→${e.to}`)]).toEqual([resource, action, [`${rec.status}→${after.status}`]]);
        }
      }
    }
    console.log(`[concurrency] actions ${results.join('; ')}`);
  });
});

describe('the races the SPEC names', () => {
  it('20 consultants claim one pool customer: one owns it, 19 get 409, one claim event', async () => {
    const claimers: Client[] = [];
    const ids: number[] = [];
    for (let i = 0; i < N; i += 1) ids.push(await app.staff(`claimer${i}`, 'sales', { department: org.dept.A }));
    for (let i = 0; i < N; i += 1) claimers.push(await app.as(`claimer${i}`));
    const c = (await admin.post('/api/crm/customers', { name: `${MARK}-公海争抢`, mobile: uniqueMobile('131') }).expect(201)).body;
    await admin.post(`/api/crm/customers/${c.id}/release`, {}).expect(200);
    const pooled = await read('customers', c.id);
    const answers = await burst(N, (i) => claimers[i].post(`/api/crm/customers/${c.id}/claim`, {}));
    expectClean('claim', answers);
    const winners = answers.map((a, i) => (ok(a.status) ? ids[i] : null)).filter((x) => x !== null);
    expect(winners).toHaveLength(1);
    const after = await read('customers', c.id);
    expect(after).toMatchObject({ owner: winners[0], inPool: false, version: pooled.version + 1 });
    const claims = (await events('customers', c.id)).filter((e) => e.action === 'claim');
    expect(claims.map((e) => e.to)).toEqual([winners[0]]);
  });

  it('approve-loss and reject-loss, 10 each at once on one loss request: one decides', async () => {
    const opp = (await org.as.salesA.post('/api/crm/opportunities', { name: `${MARK}-战败审批并发`, customer: (await org.as.salesA.post('/api/crm/customers', { name: `${MARK}-战败客户`, mobile: uniqueMobile('132') })).body.id }).expect(201)).body;
    await org.as.salesA.post(`/api/crm/opportunities/${opp.id}/request-loss`, { reason: '价格' }).expect(200);
    const requested = await read('opportunities', opp.id);
    const before = await events('opportunities', opp.id);
    const answers = await burst(N, (i) => org.as.mgrA.post(`/api/crm/opportunities/${opp.id}/${i % 2 ? 'approve-loss' : 'reject-loss'}`, { note: '并发审批' }));
    expectClean('approve/reject', answers);
    const winners = answers.map((a, i) => (ok(a.status) ? (i % 2 ? 'approve-loss' : 'reject-loss') : null)).filter(Boolean);
    expect(winners).toHaveLength(1);
    const after = await read('opportunities', opp.id);
    expect(after.version).toBe(requested.version + 1);
    expect(after.status).toBe(winners[0] === 'approve-loss' ? 'lost' : 'open');
    const transitions = (await events('opportunities', opp.id)).filter((e) => e.action === 'transition' && !before.some((b) => b.id === e.id));
    expect(transitions.map((e) => `${e.from}→${e.to}`)).toEqual(winners[0] === 'approve-loss' ? [`${requested.status}→lost`] : []);
  });

  it.each([['opportunities', 'win', 'won'], ['interactions', 'complete', 'done']])('20 %s %s at once: one succeeds, one transition', async (resource, action, state) => {
    const customer = (await org.as.salesB.post('/api/crm/customers', { name: `${MARK}-${action}并发客户`, mobile: uniqueMobile('134') }).expect(201)).body;
    const rec = resource === 'opportunities'
      ? (await org.as.salesB.post('/api/crm/opportunities', { name: `${MARK}-${action}并发`, customer: customer.id }).expect(201)).body
      : (await org.as.salesB.post('/api/crm/interactions', { subject: `${MARK}-${action}并发`, start: new Date(Date.now() + 3600000).toISOString(), customer: customer.id }).expect(201)).body;
    const answers = await burst(N, () => org.as.salesB.post(`/api/crm/${resource}/${rec.id}/${action}`, { outcome: '并发完成' }));
    expectClean(`${resource} ${action}`, answers);
    expect(answers.filter((a) => ok(a.status))).toHaveLength(1);
    const after = await read(resource, rec.id);
    expect(after.version).toBe(rec.version + 1);
    expect(after.status ?? after.state).toBe(state);
    const transitions = (await events(resource, rec.id)).filter((e) => e.action === 'transition');
    expect(transitions).toHaveLength(1);
    // the customer's follow-up (complete) or type (win) was written once, not 20 times
    const c = await read('customers', customer.id);
    expect(c.version).toBeLessThanOrEqual(customer.version + 1);
  });

  it('one bulk win over three opportunities, 20 at once: all or nothing, once', async () => {
    const opps: any[] = [];
    for (let i = 0; i < 3; i += 1) {
      const customer = (await org.as.salesA.post('/api/crm/customers', { name: `${MARK}-批量并发客户${i}`, mobile: uniqueMobile('130') }).expect(201)).body;
      opps.push((await org.as.salesA.post('/api/crm/opportunities', { name: `${MARK}-批量并发${i}`, customer: customer.id }).expect(201)).body);
    }
    const answers = await burst(N, () => org.as.mgrA.post('/api/crm/opportunities/bulk/win', { ids: opps.map((o) => o.id) }));
    expectClean('bulk win', answers);
    expect(answers.filter((a) => ok(a.status))).toHaveLength(1);
    for (const o of opps) {
      const after = await read('opportunities', o.id);
      expect([o.id, after.status, after.version]).toEqual([o.id, 'won', o.version + 1]);
    }
  });
});
