// Marketing messages against real parts on loopback: the hourly cap holds (also for two
// dispatchers at once), marketing SMS carry the opt-out phrase and a reply of R/T/TD/退订 opts the
// customer out, marketing emails carry a one-click unsubscribe link and headers that work.
import path from 'path';
import { backendModule, bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { httpSink, smtpSink, type HttpSink, type MailSink } from '../helpers/sinks';

let app: TestApp;
let smtp: MailSink;
let gateway: HttpSink;
let admin: Client;
let sales1: Client;
let mkt: Client;
const SECRET = 'inbound-secret-for-tests';
const dist = (p: string) => backendModule(path.join('api', p));

beforeAll(async () => {
  smtp = await smtpSink();
  gateway = await httpSink();
  app = await bootApp({
    env: {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_FROM: 'CRM <crm@test.local>',
      SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: `${gateway.url}/sms`, SMS_SIGN: '滨江地产',
      SMS_INBOUND_SECRET: SECRET, CRM_PUBLIC_URL: 'https://crm.example.com',
    },
  });
  await app.staff('admin', 'admin');
  await app.staff('sales1', 'sales');
  await app.staff('mkt', 'marketing');
  [admin, sales1, mkt] = await Promise.all(['admin', 'sales1', 'mkt'].map((u) => app.as(u)));
  await setSetting('quietHours', { from: '00:00', to: '00:00' });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await gateway?.close();
});

const messages = async (filter: Record<string, unknown>) =>
  (await admin.get(`/api/crm/messages?${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
async function setSetting(key: string, value: unknown) {
  const row = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key } })}`).expect(200)).body[0];
  await admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify(value) }).expect(200);
}
const customer = async (name: string, extra: Record<string, unknown>) =>
  (await sales1.post('/api/crm/customers', { name, level: 'A', ...extra }).expect(201)).body;
const enqueue = (m: Record<string, unknown>) => dist('message/outbox').enqueue(m);
const runAt = (job: string, slot: string, now: Date) => dist('job-run/scheduler').runJob(job, slot, 'manual', now);
// the raw header as received (mailparser folds List-* headers into a parsed `list` object)
const header = (mail: any, name: string) => mail.headerLines.find((h: any) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const runRow = async (id: number) => (await admin.get(`/api/crm/job-runs/${id}`).expect(200)).body;

describe('the hourly cap', () => {
  it('sends no more per hour than the cap, even with two dispatchers at once, and the rest later', async () => {
    await setSetting('hourlyCap', { sms: 3 });
    const now = new Date();
    for (let i = 0; i < 7; i++) {
      const c = await customer(`限流${i}`, { mobile: `1380000100${i}` });
      await enqueue({ channel: 'sms', to: c.mobile, body: `限流${i}`, purpose: 'notification', dedupeKey: `cap:${i}`, customer: c.id });
    }
    gateway.calls.length = 0;
    const [a, b] = await Promise.all([runAt('dispatch', 'cap:a', now), runAt('dispatch', 'cap:b', now)]);
    const [ra, rb] = [await runRow(a), await runRow(b)];
    expect(ra.counts.sent + rb.counts.sent).toBe(3);
    expect(ra.counts.wait + rb.counts.wait).toBe(4);
    expect(gateway.calls).toHaveLength(3);
    const waiting = (await messages({ purpose: 'notification', status: 'queued' }));
    expect(waiting).toHaveLength(4);
    // they wait for the hour to free a place, which is not a failed attempt
    for (const m of waiting) {
      expect(m.attempts).toBe(0);
      expect(new Date(m.nextAttemptAt).getTime() - now.getTime()).toBeGreaterThan(59 * 60000);
    }
    // half an hour on, still no place; an hour on, three more go
    expect((await runRow(await runAt('dispatch', 'cap:c', new Date(now.getTime() + 30 * 60000)))).counts.sent).toBe(0);
    expect((await runRow(await runAt('dispatch', 'cap:d', new Date(now.getTime() + 62 * 60000)))).counts).toMatchObject({ sent: 3, wait: 1 });
    expect(gateway.calls).toHaveLength(6);
    expect(new Set(gateway.calls.map((c) => c.body.to)).size).toBe(6); // each once
    await setSetting('hourlyCap', { sms: 500 });
    await runAt('dispatch', 'cap:e', new Date(now.getTime() + 125 * 60000));
    expect(gateway.calls).toHaveLength(7);
  });

  it('refuses a cap that is not a positive whole number, naming the channel', async () => {
    const row = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'hourlyCap' } })}`).expect(200)).body[0];
    const res = await admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify({ sms: 0 }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ field: 'value', key: 'hourlyCap.sms', code: 'out_of_range' });
  });
});

describe('SMS opt-out', () => {
  let c: any;
  beforeAll(async () => {
    c = await customer('退订客户', { mobile: '13800002001' });
  });

  it('marketing SMS carry the opt-out phrase; staff notifications do not', async () => {
    await enqueue({ channel: 'sms', to: c.mobile, body: '周末样板间开放', purpose: 'campaign', dedupeKey: 'phrase:1', customer: c.id });
    await enqueue({ channel: 'sms', to: c.mobile, body: '您预约的看房已确认', purpose: 'notification', dedupeKey: 'phrase:2', customer: c.id });
    gateway.calls.length = 0;
    await runAt('dispatch', 'phrase', new Date());
    expect(gateway.calls.map((x) => x.body.body).sort()).toEqual(['周末样板间开放 拒收请回复R', '您预约的看房已确认']);
  });

  it('the inbound webhook needs the shared secret and a mobile', async () => {
    const post = (body: unknown, secret?: string) => {
      const r = app.http().post('/api/public/sms/inbound');
      return (secret ? r.set('x-crm-secret', secret) : r).send(body as object);
    };
    for (const s of [undefined, 'wrong']) {
      const res = await post({ from: c.mobile, text: 'R' }, s);
      expect(res.status).toBe(401);
      expect(res.body.error.details).toMatchObject({ field: 'x-crm-secret', code: 'bad_inbound_secret' });
    }
    const bad = await post({ from: 'not a phone', text: 'R' }, SECRET);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'from', code: 'invalid_mobile' });
    // an ordinary reply changes nothing
    expect((await post({ from: c.mobile, text: '好的，周六见' }, SECRET).expect(200)).body).toEqual({ optOut: false, optedOut: 0 });
    expect((await sales1.get(`/api/crm/customers/${c.id}`).expect(200)).body.smsOptOut).toBe(false);
  });

  it.each([['R'], [' td '], ['退订'], ['ｔ']])('a reply of %j opts the customer out of SMS, audited; the next campaign SMS is skipped', async (reply) => {
    const who = await customer(`回复${reply.trim()}`, { mobile: `+86 138 0000 3${String(reply.charCodeAt(0) % 1000).padStart(3, '0')}` });
    const res = await app.http().post('/api/public/sms/inbound').set('x-crm-secret', SECRET).send({ from: who.mobile, text: reply }).expect(200);
    expect(res.body).toEqual({ optOut: true, optedOut: 1 });
    const after = (await sales1.get(`/api/crm/customers/${who.id}`).expect(200)).body;
    expect(after).toMatchObject({ smsOptOut: true, emailOptOut: false });
    const audit = (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: who.id } })}`).expect(200)).body;
    expect(audit.some((e: any) => JSON.stringify(e).includes('smsOptOut'))).toBe(true);
    await enqueue({ channel: 'sms', to: who.mobile, body: '新盘开售', purpose: 'campaign', dedupeKey: `after-r:${who.id}`, customer: who.id });
    gateway.calls.length = 0;
    await runAt('dispatch', `after-r:${who.id}`, new Date());
    expect(gateway.calls).toEqual([]);
    expect((await messages({ dedupeKey: `after-r:${who.id}` }))[0]).toMatchObject({ status: 'skipped', skipReason: 'opt_out' });
  });
});

describe('email unsubscribe', () => {
  it('a marketing email carries the link and the one-click headers; a POST to it opts out', async () => {
    const c = await customer('邮件客户', { mobile: '13800004001', email: 'buyer@test.local' });
    await enqueue({ channel: 'email', to: 'buyer@test.local', subject: '新春特惠', body: '<b>限时</b>优惠', purpose: 'campaign', dedupeKey: 'mail:1', customer: c.id });
    const before = smtp.mails.length;
    await runAt('dispatch', 'mail', new Date());
    const [mail] = smtp.mails.slice(before);
    expect(mail.subject).toBe('新春特惠');
    const url = String(header(mail, 'list-unsubscribe')).replace(/^<|>$/g, '');
    expect(url).toMatch(new RegExp(`^https://crm\\.example\\.com/api/public/unsubscribe/${c.id}\\.email\\.[A-Za-z0-9_-]{43}$`));
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`退订邮件：${url}`);
    expect(mail.html).toContain(`<a href="${url}">退订邮件</a>`);
    expect(mail.html).toContain('&lt;b&gt;限时&lt;/b&gt;优惠'); // the body is text, escaped

    const local = new URL(url).pathname;
    // opening the link shows a page with one button and changes nothing (mail scanners open links)
    const page = await app.http().get(local).expect(200);
    expect(page.text).toContain('确认退订');
    expect((await sales1.get(`/api/crm/customers/${c.id}`).expect(200)).body.emailOptOut).toBe(false);
    // a forged or altered token is refused
    expect((await app.http().post(local.replace(`${c.id}.email`, `${c.id + 1}.email`)).type('form').send('List-Unsubscribe=One-Click')).status).toBe(404);
    expect((await app.http().post('/api/public/unsubscribe/garbage')).status).toBe(404);
    await app.http().post(local).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await sales1.get(`/api/crm/customers/${c.id}`).expect(200)).body).toMatchObject({ emailOptOut: true, smsOptOut: false });
    await app.http().post(local).type('form').send('List-Unsubscribe=One-Click').expect(200); // twice is fine

    await enqueue({ channel: 'email', to: 'buyer@test.local', subject: '再次', body: '优惠', purpose: 'campaign', dedupeKey: 'mail:2', customer: c.id });
    await runAt('dispatch', 'mail-2', new Date());
    expect(smtp.mails.length).toBe(before + 1);
    expect((await messages({ dedupeKey: 'mail:2' }))[0]).toMatchObject({ status: 'skipped', skipReason: 'opt_out' });
  });

  it('a reminder email to staff carries no unsubscribe link', async () => {
    const before = smtp.mails.length;
    await enqueue({ channel: 'email', to: 'sales1@test.local', subject: '今日跟进', body: '3 项', purpose: 'reminder', dedupeKey: 'mail:staff' });
    await runAt('dispatch', 'mail-staff', new Date());
    const [mail] = smtp.mails.slice(before);
    expect(header(mail, 'list-unsubscribe')).toBeUndefined();
    expect(mail.text).not.toContain('退订');
  });
});

describe('campaigns (群发)', () => {
  const ids: Record<string, number> = {};
  const later = () => new Date(Date.now() + 3600000).toISOString();
  beforeAll(async () => {
    await admin.post('/api/crm/custom-fields', { entity: 'customer', key: 'district', label: '区域', type: 'select', options: ['滨江', '西湖'], filterable: true }).expect(201);
    await admin.post('/api/crm/custom-fields', { entity: 'customer', key: 'note', label: '备注', type: 'text' }).expect(201);
    const add = async (k: string, body: Record<string, unknown>) => { ids[k] = (await customer(`群发${k}`, body)).id; };
    await add('yes', { name: '王', gender: 'male', mobile: '13800005001', email: 'wang@test.local', custom: { district: '滨江' } });
    await add('nomobile', { name: '<b>李</b>', gender: 'female', email: 'li@test.local', custom: { district: '滨江' } });
    await add('out', { mobile: '13800005003', smsOptOut: true, custom: { district: '滨江' } });
    await add('levelB', { mobile: '13800005004', level: 'B', custom: { district: '滨江' } });
    await add('west', { mobile: '13800005005', custom: { district: '西湖' } });
  });
  const filter = { level: 'A', 'custom.district': '滨江' };
  const create = (body: Record<string, unknown>, c = mkt) => c.post('/api/crm/campaigns', { name: '滨江新盘', channel: 'sms', filter, template: '{{salutation}}您好，{{custom_district}}新盘开放', ...body });

  it('refuses an unknown placeholder, an email without subject, a filter on a field that is not filterable', async () => {
    for (const [body, field, code] of [
      [{ template: '{{constructor}}您好' }, 'template', 'unknown_placeholder'],
      [{ template: '{{custom_secret}}' }, 'template', 'unknown_placeholder'],
      [{ channel: 'email' }, 'subject', 'required'],
      [{ filter: [1, 2] }, 'filter', 'invalid_filter'],
    ] as const) {
      const res = await create(body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.error.details).toMatchObject({ field, code });
    }
    const c = (await create({ filter: { 'custom.note': 'x' } }).expect(201)).body;
    const res = await mkt.post(`/api/crm/campaigns/${c.id}/preview`);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'not_filterable' });
  });

  it('is marketing\'s and admin\'s: sales may not read or write campaigns', async () => {
    expect((await sales1.get('/api/crm/campaigns')).status).toBe(403);
    expect((await create({}, sales1)).status).toBe(403);
  });

  let campaign: any;
  it('previews who will receive it and who is skipped and why, with a rendered sample', async () => {
    campaign = (await create({}).expect(201)).body;
    expect(campaign).toMatchObject({ status: 'draft', counts: null, actions: expect.arrayContaining(['preview', 'schedule', 'cancel']) });
    const p = (await mkt.post(`/api/crm/campaigns/${campaign.id}/preview`).expect(200)).body;
    expect(p).toMatchObject({ total: 3, recipients: 1, skippedCount: 2, reasons: { no_mobile: 1, opt_out: 1 }, sample: '王先生您好，滨江新盘开放' });
    expect(p.skipped.map((s: any) => [s.customer, s.reason]).sort()).toEqual([[ids.nomobile, 'no_mobile'], [ids.out, 'opt_out']].sort());
    // the staff UI's form nests custom fields; cleared inputs are no condition
    const nested = (await create({ filter: { level: 'A', type: '', custom: { district: '滨江' } } }).expect(201)).body;
    expect((await mkt.post(`/api/crm/campaigns/${nested.id}/preview`).expect(200)).body).toMatchObject({ total: 3, recipients: 1 });
    await mkt.post(`/api/crm/campaigns/${nested.id}/cancel`).expect(200);
  });

  it('schedules (a send time is needed), is then no longer editable, and queues each customer once at its time', async () => {
    const noTime = await mkt.post(`/api/crm/campaigns/${campaign.id}/schedule`, {});
    expect(noTime.status).toBe(400);
    expect(noTime.body.error.details).toMatchObject({ field: 'sendAt', code: 'required' });
    const sendAt = later();
    const scheduled = (await mkt.post(`/api/crm/campaigns/${campaign.id}/schedule`, { sendAt }).expect(200)).body;
    expect(scheduled).toMatchObject({ status: 'scheduled', sendAt, actions: expect.arrayContaining(['cancel', 'unschedule']) });
    const edit = await mkt.put(`/api/crm/campaigns/${campaign.id}`, { ...scheduled, template: '改了' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.details).toMatchObject({ field: 'template', code: 'campaign_not_draft' });
    // not due yet
    expect((await runRow(await runAt('campaigns', 'camp:early', new Date()))).counts).toMatchObject({ campaigns: 0, queued: 0 });
    // due: two runs at once (two instances) queue each message once
    const at = new Date(Date.now() + 2 * 3600000);
    const runs = await Promise.all([runAt('campaigns', 'camp:a', at), runAt('campaigns', 'camp:b', at)]);
    expect((await Promise.all(runs.map(runRow))).every((r: any) => r.error === null)).toBe(true);
    const queued = await messages({ purpose: 'campaign', linkResource: 'campaigns', linkId: campaign.id });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ customer: ids.yes, to: '13800005001', body: '王先生您好，滨江新盘开放 拒收请回复R', dedupeKey: `campaign:${campaign.id}:${ids.yes}:sms` });
    const sent = (await mkt.get(`/api/crm/campaigns/${campaign.id}`).expect(200)).body;
    expect(sent).toMatchObject({ status: 'sent', counts: { audience: 3, queued: 1, pending: 1, skipped: 2, reasons: { no_mobile: 1, opt_out: 1 } }, actions: ['preview'] });
    expect(sent.skipped).toHaveLength(2);
    gateway.calls.length = 0;
    await runAt('dispatch', 'camp:dispatch', at);
    expect(gateway.calls.map((c) => c.body.body)).toEqual(['王先生您好，滨江新盘开放 拒收请回复R']);
    await runAt('campaigns', 'camp:c', at);
    expect((await mkt.get(`/api/crm/campaigns/${campaign.id}`).expect(200)).body.counts).toMatchObject({ queued: 1, pending: 0, sent: 1, failed: 0, skipped: 2 });
    expect(await messages({ linkResource: 'campaigns', linkId: campaign.id })).toHaveLength(1);
  });

  it('an email campaign escapes the customer\'s values in HTML; a cancelled campaign sends nothing', async () => {
    const mail = (await create({ channel: 'email', subject: '{{name}}专享', template: '{{salutation}}：滨江新盘开放', filter: { 'custom.district': '滨江' } }).expect(201)).body;
    await mkt.post(`/api/crm/campaigns/${mail.id}/schedule`, { sendAt: new Date().toISOString() }).expect(200);
    const gone = (await create({ name: '取消的' }).expect(201)).body;
    await mkt.post(`/api/crm/campaigns/${gone.id}/schedule`, { sendAt: new Date().toISOString() }).expect(200);
    expect((await mkt.post(`/api/crm/campaigns/${gone.id}/cancel`).expect(200)).body).toMatchObject({ status: 'cancelled', actions: ['preview'] });
    const again = await mkt.post(`/api/crm/campaigns/${gone.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('transition_not_allowed');
    const before = smtp.mails.length;
    await runAt('campaigns', 'camp:mail', new Date(Date.now() + 1000));
    await runAt('dispatch', 'camp:mail-dispatch', new Date(Date.now() + 1000));
    expect(await messages({ linkResource: 'campaigns', linkId: gone.id })).toEqual([]);
    const got = smtp.mails.slice(before).filter((m) => ['wang@test.local', 'li@test.local'].includes((m.to as any)?.text));
    expect(got.map((m) => m.subject).sort()).toEqual(['<b>李</b>专享', '王专享']);
    const li = got.find((m) => (m.to as any)?.text === 'li@test.local')!;
    expect(li.html).toContain('&lt;b&gt;李&lt;/b&gt;女士：滨江新盘开放');
    expect(li.html).not.toContain('<b>李</b>');
  });
});
