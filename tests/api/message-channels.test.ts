// Message channels against loopback gateways: Twilio SMS through its SDK, and the WeCom / DingTalk
// group robots of a department receiving the staff notifications of its members.
import path from 'path';
import { BACKEND } from '../../scripts/lib/paths';
import { bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { httpSink, type HttpSink } from '../helpers/sinks';

let app: TestApp;
let gateway: HttpSink;
let admin: Client;
let sales1: Client;
const ids: Record<string, number> = {};
const dist = (p: string) => require(path.join(BACKEND, 'dist', 'src', 'api', p));

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
