// Message channels against loopback gateways: Twilio SMS through its SDK, and the WeCom / DingTalk
// group robots of a department receiving the staff notifications of its members.
import crypto from 'crypto';
import path from 'path';
import { backendModule, bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { httpSink, type HttpSink } from '../helpers/sinks';

let app: TestApp;
let gateway: HttpSink;
let admin: Client;
let sales1: Client;
const ids: Record<string, number> = {};
const dist = (p: string) => backendModule(path.join('api', p));

beforeAll(async () => {
  gateway = await httpSink(() => ({ sid: 'SM0123456789abcdef', status: 'queued' }));
  app = await bootApp({
    env: {
      SMS_PROVIDER: 'twilio', SMS_ENDPOINT: gateway.url, SMS_ACCESS_KEY_ID: 'AC0000test', SMS_ACCESS_KEY_SECRET: 'tok-secret',
      SMS_FROM: '+15005550006',
    },
  });
  ids.admin = await app.staff('admin', 'admin');
  ids.sales1 = await app.staff('sales1', 'sales');
  [admin, sales1] = await Promise.all(['admin', 'sales1'].map((u) => app.as(u)));
  // no quiet hours: the SMS goes out whenever the test runs
  const quiet = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'quietHours' } })}`).expect(200)).body[0];
  await admin.put(`/api/crm/settings/${quiet.id}`, { ...quiet, value: JSON.stringify({ from: '00:00', to: '00:00' }) }).expect(200);
});
afterAll(async () => {
  await app?.stop();
  await gateway?.close();
});

const messages = async (filter: Record<string, unknown>) =>
  (await admin.get(`/api/crm/messages?${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
const run = async (job: string) => (await admin.post(`/api/crm/jobs/${job}/run`).expect(200)).body;

describe('Twilio SMS', () => {
  it('posts To/From/Body with basic auth to the account Messages resource and stores the sid', async () => {
    const c = (await sales1.post('/api/crm/customers', { name: 'Twilio客户', mobile: '13900007777', level: 'A' }).expect(201)).body.id;
    await dist('message/outbox').enqueue({ channel: 'sms', to: '13900007777', body: '您的预约已确认', purpose: 'notification', dedupeKey: 'sms:twilio', customer: c });
    await run('dispatch');
    expect((await messages({ dedupeKey: 'sms:twilio' }))[0]).toMatchObject({ status: 'sent', attempts: 1, providerId: 'SM0123456789abcdef' });
    expect(gateway.calls).toHaveLength(1);
    const call = gateway.calls[0];
    expect(call.path).toBe('/2010-04-01/Accounts/AC0000test/Messages.json');
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from('AC0000test:tok-secret').toString('base64')}`);
    expect(call.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(call.body);
    expect({ To: form.get('To'), From: form.get('From'), Body: form.get('Body') }).toEqual({ To: '+8613900007777', From: '+15005550006', Body: '您的预约已确认' });
  });
});

describe('WeCom and DingTalk group robots of a department', () => {
  let robots: HttpSink;
  beforeAll(async () => { robots = await httpSink(() => ({ errcode: 0, errmsg: 'ok' })); });
  afterAll(async () => { await robots?.close(); });

  it('refuses a webhook that is not an http(s) URL, or without its kind, naming the field', async () => {
    const bad = await admin.post('/api/crm/departments', { name: '坏地址', robotKind: 'wecom', robotWebhook: 'ftp://example.com/x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'robotWebhook', code: 'invalid_robot_url' });
    const text = await admin.post('/api/crm/departments', { name: '坏地址', robotKind: 'wecom', robotWebhook: 'not a url' });
    expect(text.body.error.details).toMatchObject({ field: 'robotWebhook', code: 'invalid_robot_url' });
    const kind = await admin.post('/api/crm/departments', { name: '无类型', robotWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.details).toMatchObject({ field: 'robotKind', code: 'robot_kind_required' });
    const list = (await admin.get(`/api/crm/departments?${listQuery({ filter: { q: '坏地址' } })}`).expect(200)).body;
    expect(list).toHaveLength(0);
  });

  it('delivers the notifications of its members to the robot once per department and occasion, DingTalk signed', async () => {
    const wecomDept = (await admin.post('/api/crm/departments', {
      name: '一店', robotKind: 'wecom', robotWebhook: `${robots.url}/cgi-bin/webhook/send?key=wx-key`,
    }).expect(201)).body.id;
    const dingDept = (await admin.post('/api/crm/departments', {
      name: '二店', robotKind: 'dingtalk', robotWebhook: `${robots.url}/robot/old`,
    }).expect(201)).body.id;
    const draft = (await admin.get(`/api/crm/departments/${dingDept}`).expect(200)).body;
    await admin.put(`/api/crm/departments/${dingDept}`, {
      ...draft, robotWebhook: `${robots.url}/robot/send?access_token=dt-token`, robotSecret: 'SEC-test-secret',
    }).expect(200);
    // the webhook carries its key: only who may edit departments sees it
    const seen = (await sales1.get(`/api/crm/departments/${dingDept}`).expect(200)).body;
    expect(seen.name).toBe('二店');
    expect(seen).not.toHaveProperty('robotWebhook');
    expect(seen).not.toHaveProperty('robotSecret');
    expect((await admin.get(`/api/crm/departments/${dingDept}`).expect(200)).body).toMatchObject({ robotKind: 'dingtalk', robotSecret: 'SEC-test-secret' });
    // nor does the audit trail, which staff may read, keep it
    const events = (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'departments', recordId: dingDept }, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('/robot/old');
    expect(JSON.stringify(events)).not.toMatch(/SEC-test-secret|dt-token/);

    ids.wx = await app.staff('wx1', 'sales', { department: wecomDept });
    ids.dt = await app.staff('dt1', 'sales', { department: dingDept });
    const [wx, dt] = await Promise.all([app.as('wx1'), app.as('dt1')]);
    const soon = new Date(Date.now() + 60000).toISOString(); // due today: in the digest
    for (const [who, name, mobile] of [[wx, '钱先生', '13900008881'], [dt, '孙女士', '13900008882']] as const) {
      const c = (await who.post('/api/crm/customers', { name, mobile, level: 'A' }).expect(201)).body.id;
      await who.post('/api/crm/interactions', { kind: 'phone', subject: `回访${name}`, start: soon, customer: c }).expect(201);
    }
    await run('reminders');
    await run('reminders'); // a second run queues nothing more
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await messages({ dedupeKey: `robot:${wecomDept}:reminder:${ids.wx}:${date}` })).toEqual([
      expect.objectContaining({ channel: 'wecom', to: `department:${wecomDept}`, status: 'queued', purpose: 'reminder' }),
    ]);
    expect(await messages({ dedupeKey: `robot:${dingDept}:reminder:${ids.dt}:${date}` })).toHaveLength(1);
    // sales1 has no department: no robot row
    expect((await messages({ channel: 'wecom' })).length + (await messages({ channel: 'dingtalk' })).length).toBe(2);

    const before = Date.now();
    await run('dispatch');
    await run('dispatch');
    expect(robots.calls).toHaveLength(2);
    const wecomCall = robots.calls.find((c) => c.path.startsWith('/cgi-bin/'))!;
    expect(wecomCall.path).toBe('/cgi-bin/webhook/send?key=wx-key');
    expect(wecomCall.body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining('回访钱先生') } });
    const dingCall = robots.calls.find((c) => c.path.startsWith('/robot/'))!;
    expect(dingCall.body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining('回访孙女士') } });
    expect(dingCall.body.text.content).not.toContain('回访钱先生');
    const q = new URL(dingCall.path, robots.url).searchParams;
    expect(q.get('access_token')).toBe('dt-token');
    const timestamp = Number(q.get('timestamp'));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
    const expected = crypto.createHmac('sha256', 'SEC-test-secret').update(`${timestamp}\nSEC-test-secret`).digest('base64');
    expect(q.get('sign')).toBe(expected);
    expect((await messages({ dedupeKey: `robot:${dingDept}:reminder:${ids.dt}:${date}` }))[0]).toMatchObject({ status: 'sent', attempts: 1, providerId: expect.stringMatching(/^dingtalk:/) });
    // the in-app copy (the bell) is still delivered
    expect((await messages({ dedupeKey: `reminder:${ids.dt}:${date}` }))[0]).toMatchObject({ channel: 'inapp', status: 'sent' });
  });
});
