// Outgoing webhooks against a loopback receiver that checks every signature: admin-only
// subscriptions, deliveries queued with the change that raised them, sent once, retried on a 500,
// each attempt on record, and the secret shown once only.
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { backendModule, bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { verify } from '../../backend/src/api/webhook-subscription/signing';

interface Received { path: string; headers: http.IncomingHttpHeaders; raw: string; valid: boolean }
/** the next calls' answers, then 200: a status, or a redirect */
type Answer = number | { status: number; location: string };
interface Receiver { url: string; calls: Received[]; answers: Answer[]; secret: string; close: () => Promise<void> }

async function receiver(): Promise<Receiver> {
  const r: Receiver = { url: '', calls: [], answers: [], secret: '', close: async () => undefined };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const valid = verify(r.secret, String(req.headers['x-crm-timestamp']), raw, req.headers['x-crm-signature'] as string);
      r.calls.push({ path: req.url ?? '', headers: req.headers, raw, valid });
      const a = r.answers.shift() ?? 200;
      const [status, headers] = typeof a === 'number' ? [a, {}] : [a.status, { location: a.location }];
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(valid ? 'ok' : 'bad signature');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = () => new Promise((resolve) => server.close(() => resolve()));
  return r;
}

let app: TestApp;
let admin: Client;
let sales1: Client;
let hook: Receiver;
const dist = (p: string) => backendModule(path.join('api', p));
const SUBS = '/api/crm/webhook-subscriptions';

beforeAll(async () => {
  hook = await receiver();
  app = await bootApp();
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  [admin, sales1] = await Promise.all(['admin', 'sales1'].map((u) => app.as(u)));
});
afterAll(async () => {
  await app?.stop();
  await hook?.close();
});

const deliveries = async (subscription: number) =>
  (await admin.get(`/api/crm/messages?${listQuery({ filter: { to: `webhook-subscription:${subscription}` }, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
/** dispatch at `minutes` from now: a retry's backoff is over without waiting for it */
const dispatchAt = (minutes = 0) => dist('job-run/jobs/dispatch').dispatch({ now: new Date(Date.now() + minutes * 60000), tz: 'Asia/Shanghai' });
const subscribe = async (body: Record<string, unknown>) => (await admin.post(SUBS, body).expect(201)).body;

describe('who may manage subscriptions', () => {
  it('refuses every other role, with a code', async () => {
    for (const res of [await sales1.get(SUBS), await sales1.post(SUBS, { name: 'x', url: hook.url, events: ['lead.created'] }), await sales1.get('/api/crm/webhook-events')]) {
      expect(res.status).toBe(403);
      expect(res.body.error.details.code).toBe('forbidden');
    }
    expect((await admin.get(SUBS).expect(200)).body).toEqual([]);
  });

  it('offers the event catalog to an admin', async () => {
    const events = (await admin.get('/api/crm/webhook-events').expect(200)).body.map((e: any) => e.id);
    expect(events).toEqual(['lead.created', 'lead.converted', 'opportunity.won', 'opportunity.lost', 'complaint.opened', 'complaint.closed']);
  });
});

describe('a subscription', () => {
  it('refuses a URL that is not http(s), an unknown event, no event or a secret of its own, naming the field and creating nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ url: 'ftp://example.com/hook' }, 'url', 'invalid_webhook_url'],
      [{ url: 'not a url' }, 'url', 'invalid_webhook_url'],
      [{ events: ['lead.created', 'lead.deleted'] }, 'events', 'unknown_event'],
      [{ events: [] }, 'events', 'events_required'],
      [{ secret: 'mine' }, 'secret', 'unknown_field'],
    ];
    for (const [bad, field, code] of cases) {
      const res = await admin.post(SUBS, { name: '坏订阅', url: `${hook.url}/crm`, events: ['lead.created'], ...bad });
      expect([res.status, res.body.error?.details?.field, res.body.error?.details?.code]).toEqual([400, field, code]);
    }
    expect((await admin.get(SUBS).expect(200)).body).toEqual([]);
  });

  it('shows its secret once, on create: never in a read, a list, an edit or the audit trail', async () => {
    const created = await subscribe({ name: '秘密', url: `${hook.url}/secret`, events: ['complaint.closed'], description: '只看一次' });
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const read = (await admin.get(`${SUBS}/${created.id}`).expect(200)).body;
    expect(read).toMatchObject({ name: '秘密', active: true, events: ['complaint.closed'] });
    const edited = (await admin.put(`${SUBS}/${created.id}`, { ...read, active: false }).expect(200)).body;
    const list = (await admin.get(SUBS).expect(200)).body;
    const audit = (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'webhook-subscriptions', recordId: created.id }, range: [0, 99] })}`).expect(200)).body;
    expect(audit.length).toBeGreaterThan(0);
    for (const seen of [read, edited, list, audit]) {
      expect(JSON.stringify(seen)).not.toContain(created.secret);
      expect(JSON.stringify(seen)).not.toContain('"secret"');
    }
    // an edit to a bad URL is refused like a create, and changes nothing
    const bad = await admin.put(`${SUBS}/${created.id}`, { ...edited, url: 'javascript:alert(1)' });
    expect([bad.status, bad.body.error.details.field, bad.body.error.details.code]).toEqual([400, 'url', 'invalid_webhook_url']);
    expect((await admin.get(`${SUBS}/${created.id}`).expect(200)).body.url).toBe(`${hook.url}/secret`);
  });
});

describe('deliveries', () => {
  let sub: any;
  let opportunity: number;

  it('a converted lead is delivered once, signed, with the event in the body and the headers', async () => {
    sub = await subscribe({ name: 'ERP', url: `${hook.url}/crm`, events: ['lead.converted', 'opportunity.won'] });
    hook.secret = sub.secret;
    const lead = (await admin.post('/api/crm/leads', { subject: '赵先生咨询', targetCustomer: '赵先生', mobile: '13911112222' }).expect(201)).body;
    expect(await deliveries(sub.id)).toEqual([]); // lead.created: not subscribed
    const converted = (await admin.post(`/api/crm/leads/${lead.id}/convert`, { product: '滨江壹号' }).expect(200)).body;
    opportunity = converted.opportunity.id;
    // a refused second conversion rolls back with its change: nothing more is queued
    expect((await admin.post(`/api/crm/leads/${lead.id}/convert`, { product: '别的' })).status).toBe(409);
    const queued = await deliveries(sub.id);
    expect(queued).toEqual([expect.objectContaining({ channel: 'webhook', purpose: 'webhook', status: 'queued', subject: 'lead.converted', linkResource: 'leads', linkId: lead.id })]);

    await dispatchAt();
    await dispatchAt();
    expect(hook.calls).toHaveLength(1);
    const call = hook.calls[0];
    expect(call.path).toBe('/crm');
    expect(call.valid).toBe(true);
    expect(call.headers['x-crm-event']).toBe('lead.converted');
    expect(call.headers['x-crm-delivery']).toBe(String(queued[0].id));
    expect(call.headers['x-crm-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Math.abs(Number(call.headers['x-crm-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
    const body = JSON.parse(call.raw);
    expect(body).toMatchObject({ event: 'lead.converted', data: { id: lead.id, status: 'qualified', subject: '赵先生咨询', opportunity, customer: converted.customer.id } });
    expect(new Date(body.occurredAt).getTime()).toBeGreaterThan(Date.now() - 120000);
    expect(body.data).not.toHaveProperty('mobile');
    const [sent] = await deliveries(sub.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, attemptLog: [expect.objectContaining({ outcome: 'sent', code: 200, error: null })] });
  });

  it('a receiver answering 500 gets the same delivery again after the backoff, each attempt on record', async () => {
    hook.calls.length = 0;
    hook.answers.push(500);
    await admin.post(`/api/crm/opportunities/${opportunity}/win`).expect(200);
    await dispatchAt();
    const [, failedOnce] = await deliveries(sub.id);
    expect(failedOnce).toMatchObject({ subject: 'opportunity.won', status: 'queued', attempts: 1, lastError: expect.stringContaining('500'), attemptLog: [expect.objectContaining({ outcome: 'retry', code: 500 })] });
    expect(new Date(failedOnce.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    await dispatchAt(); // not due yet
    expect(hook.calls).toHaveLength(1);
    await dispatchAt(2);
    expect(hook.calls).toHaveLength(2);
    expect(hook.calls.map((c) => [c.valid, c.headers['x-crm-delivery'], c.headers['x-crm-event']])).toEqual([
      [true, String(failedOnce.id), 'opportunity.won'], [true, String(failedOnce.id), 'opportunity.won'],
    ]);
    expect(hook.calls[1].raw).toBe(hook.calls[0].raw);
    expect(JSON.parse(hook.calls[0].raw).data).toMatchObject({ id: opportunity, status: 'won' });
    const [, sent] = await deliveries(sub.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent.attemptLog.map((a: any) => [a.outcome, a.code])).toEqual([['retry', 500], ['sent', 200]]);
  });

  it('an imported lead raises lead.created like a typed-in one, in the import\'s transaction', async () => {
    const imports = await subscribe({ name: '导入推送', url: `${hook.url}/import`, events: ['lead.created'] });
    const csv = ['主题,认知途径,跟进级别,手机', '导入一,网络,A,13722220001', '导入二,网络,B,13722220002'].join('\n');
    // a dry run queues nothing; the commit queues one delivery per record
    await admin.post('/api/crm/leads/import?dryRun=true', { file: csv }).expect(200);
    expect(await deliveries(imports.id)).toEqual([]);
    await admin.post('/api/crm/leads/import?dryRun=false', { file: csv }).expect(200);
    const queued = await deliveries(imports.id);
    expect(queued.map((m: any) => m.subject)).toEqual(['lead.created', 'lead.created']);
    await admin.del(`${SUBS}/${imports.id}`).expect(200); // its queued deliveries end skipped, unsent
  });

  it('an import over a chunk edge queues one delivery per lead of every chunk, only to the subscriptions of lead.created', async () => {
    // the events of a chunk reach the subscriptions together (one lookup per chunk): the rows of
    // the second chunk must not be lost or queued twice, and another event's subscriber gets none
    const chunk = Number(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'import.json'), 'utf8')).chunkRows);
    const rows = chunk + 1;
    const created = await subscribe({ name: '分块推送', url: `${hook.url}/chunks`, events: ['lead.created'] });
    const converted = await subscribe({ name: '转化推送', url: `${hook.url}/converted`, events: ['lead.converted'] });
    const lines = ['主题,认知途径,跟进级别,手机'];
    for (let i = 0; i < rows; i++) lines.push(`分块${i},网络,A,1372333${String(i).padStart(4, '0')}`);
    const res = await admin.post('/api/crm/leads/import?dryRun=false', { file: lines.join('\n') }).expect(200);
    expect(res.body).toMatchObject({ total: rows, imported: rows, errors: [] });
    const count = async (sub: number) => Number((await admin.get(`/api/crm/messages?${listQuery({ filter: { to: `webhook-subscription:${sub}` }, range: [0, 0] })}`).expect(200)).headers['content-range'].split('/')[1]);
    expect(await count(created.id)).toBe(rows);
    expect(await count(converted.id)).toBe(0);
    // the last delivery is the last row's, the one past the edge
    const [last] = (await admin.get(`/api/crm/messages?${listQuery({ filter: { to: `webhook-subscription:${created.id}` }, sort: ['id', 'DESC'], range: [0, 0] })}`).expect(200)).body;
    const [lead] = (await admin.get(`/api/crm/leads?${listQuery({ filter: { q: `分块${chunk}` }, range: [0, 0] })}`).expect(200)).body;
    expect(lead.subject).toBe(`分块${chunk}`);
    expect(last).toMatchObject({ subject: 'lead.created', linkResource: 'leads', linkId: lead.id });
    expect(JSON.parse(last.body).data).toMatchObject({ id: lead.id, subject: `分块${chunk}` });
    for (const s of [created, converted]) await admin.del(`${SUBS}/${s.id}`).expect(200);
  });

  it('gives up after the attempt limit; an admin sends a failed delivery again', async () => {
    const flaky = await subscribe({ name: '坏接收方', url: `${hook.url}/down`, events: ['lead.created'] });
    hook.calls.length = 0;
    hook.secret = flaky.secret;
    hook.answers.push(503, 503, 503, 503, 503);
    await admin.post('/api/crm/leads', { subject: '新线索' }).expect(201);
    for (let day = 0; day < 6; day++) await dispatchAt(day * 24 * 60);
    const [failed] = await deliveries(flaky.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.attemptLog.map((a: any) => a.code)).toEqual([503, 503, 503, 503, 503]);
    expect(hook.calls).toHaveLength(5);
    // only a failed delivery of this subscription can be sent again
    const wrong = await admin.post(`${SUBS}/${sub.id}/redeliver`, { delivery: failed.id });
    expect([wrong.status, wrong.body.error.details.code]).toEqual([404, 'not_found']);
    expect((await sales1.post(`${SUBS}/${flaky.id}/redeliver`, { delivery: failed.id })).status).toBe(403);
    await admin.post(`${SUBS}/${flaky.id}/redeliver`, { delivery: failed.id }).expect(200);
    await dispatchAt();
    const [again] = await deliveries(flaky.id);
    expect(again).toMatchObject({ status: 'sent', attempts: 1 });
    expect(again.attemptLog.map((a: any) => a.code)).toEqual([503, 503, 503, 503, 503, 200]);
    expect(hook.calls).toHaveLength(6);
    const redo = await admin.post(`${SUBS}/${flaky.id}/redeliver`, { delivery: failed.id });
    expect([redo.status, redo.body.error.details.code]).toEqual([409, 'delivery_not_failed']);
  });

  it('follows a redirect on the same host only', async () => {
    const moved = await subscribe({ name: '搬家', url: `${hook.url}/old`, events: ['complaint.opened'] });
    hook.calls.length = 0;
    hook.secret = moved.secret;
    const customer = (await admin.post('/api/crm/customers', { name: '周女士', mobile: '13911115555' }).expect(201)).body.id;
    hook.answers.push({ status: 307, location: '/new' }, { status: 302, location: 'http://127.0.0.2:9/elsewhere' });
    await admin.post('/api/crm/complaints', { title: '电梯噪音', customer }).expect(201);
    await dispatchAt();
    // /old → /new on the same host, re-signed; /new then points at another host: not followed
    expect(hook.calls.map((c) => [c.path, c.valid])).toEqual([['/old', true], ['/new', true]]);
    const [d] = await deliveries(moved.id);
    expect(d).toMatchObject({ status: 'queued', attemptLog: [expect.objectContaining({ outcome: 'retry', code: 302, error: expect.stringContaining('not followed') })] });
    await dispatchAt(2);
    expect((await deliveries(moved.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a paused subscription is not sent to', async () => {
    const read = (await admin.get(`${SUBS}/${sub.id}`).expect(200)).body;
    await admin.put(`${SUBS}/${sub.id}`, { ...read, active: false }).expect(200);
    const before = (await deliveries(sub.id)).length;
    const lead = (await admin.post('/api/crm/leads', { subject: '暂停后', targetCustomer: '钱女士', mobile: '13911113333' }).expect(201)).body;
    await admin.post(`/api/crm/leads/${lead.id}/convert`, { product: '翠湖花园' }).expect(200);
    expect(await deliveries(sub.id)).toHaveLength(before);
  });
});
