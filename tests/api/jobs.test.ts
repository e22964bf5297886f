// Scheduled jobs against real parts on loopback: reminders queue each digest once however often
// they run, dispatch sends each message once (email to an SMTP server, SMS to an HTTP gateway),
// opt-out and quiet hours hold, a failed send is retried later, and one slot runs once.
import path from 'path';
import { backendModule, bootApp, listQuery, type Client, type TestApp } from '../helpers/app';
import { httpSink, smtpSink, type HttpSink, type MailSink } from '../helpers/sinks';

let app: TestApp;
let smtp: MailSink;
let gateway: HttpSink;
let admin: Client;
let manager: Client;
let sales1: Client;
let sales2: Client;
const ids: Record<string, number> = {};
// the compiled modules the running app uses (same require cache entry as Strapi's)
const dist = (p: string) => backendModule(path.join('api', p));

beforeAll(async () => {
  smtp = await smtpSink();
  gateway = await httpSink();
  app = await bootApp({
    env: {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', SMTP_FROM: 'CRM <crm@test.local>',
      SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: `${gateway.url}/sms`, SMS_SIGN: '滨江地产',
    },
  });
  ids.admin = await app.staff('admin', 'admin');
  ids.manager = await app.staff('manager', 'sales-manager');
  ids.sales1 = await app.staff('sales1', 'sales', { supervisor: ids.manager });
  ids.sales2 = await app.staff('sales2', 'sales', { supervisor: ids.manager });
  [admin, manager, sales1, sales2] = await Promise.all(['admin', 'manager', 'sales1', 'sales2'].map((u) => app.as(u)));
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await gateway?.close();
});

const messages = async (filter: Record<string, unknown>) =>
  (await admin.get(`/api/crm/messages?${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
const setSetting = async (key: string, value: unknown) => {
  const row = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key } })}`).expect(200)).body[0];
  await admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify(value) }).expect(200);
};
const run = async (job: string) => (await admin.post(`/api/crm/jobs/${job}/run`).expect(200)).body;
const shanghaiMinutes = () => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()).split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (min: number) => { const x = ((min % 1440) + 1440) % 1440; return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`; };
/** Quiet hours that start two hours from now: an SMS to a customer goes out now, whatever the hour. */
const notQuietNow = () => setSetting('quietHours', { from: hhmm(shanghaiMinutes() + 120), to: hhmm(shanghaiMinutes() + 180) });

describe('the jobs endpoint', () => {
  it('lists every job with its schedule and time zone, for admin only', async () => {
    const jobs = (await admin.get('/api/crm/jobs').expect(200)).body;
    expect(jobs.map((j: any) => j.name)).toEqual(expect.arrayContaining(['reminders', 'pool-return', 'dispatch']));
    const reminders = jobs.find((j: any) => j.name === 'reminders');
    expect(reminders).toMatchObject({ schedule: '0 30 8 * * *', timezone: 'Asia/Shanghai', recentRuns: [] });
    expect((await sales1.get('/api/crm/jobs')).status).toBe(403);
    expect((await sales1.post('/api/crm/jobs/reminders/run')).status).toBe(403);
  });

  it('answers 404 with a code for a job that does not exist', async () => {
    const res = await admin.post('/api/crm/jobs/nope/run');
    expect(res.status).toBe(404);
    expect(res.body.error.details.code).toBe('unknown_job');
  });
});

describe('reminders and dispatch', () => {
  let customerId: number;
  beforeAll(async () => {
    customerId = (await sales1.post('/api/crm/customers', { name: '王先生', mobile: '13900001111', level: 'A' }).expect(201)).body.id;
    const soon = new Date(Date.now() + 60000).toISOString();
    const past = new Date(Date.now() - 3 * 86400000).toISOString();
    await sales1.post('/api/crm/interactions', { kind: 'phone', subject: '回访报价', start: soon, customer: customerId }).expect(201);
    await sales1.post('/api/crm/interactions', { kind: 'phone', subject: '确认看房时间', start: past, customer: customerId }).expect(201);
  });

  it('queues each digest once when run twice, answering the run with its counts', async () => {
    const first = await run('reminders');
    expect(first).toMatchObject({ job: 'reminders', trigger: 'manual', error: null });
    expect(first.finishedAt).toBeTruthy();
    expect(first.counts.queued).toBeGreaterThan(0);
    const second = await run('reminders');
    expect(second.counts).toMatchObject({ queued: 0, duplicates: first.counts.queued });

    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const digest = await messages({ dedupeKey: `reminder:${ids.sales1}:${date}` });
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ channel: 'inapp', purpose: 'reminder', status: 'queued', staff: ids.sales1 });
    expect(digest[0].body).toContain('回访报价（王先生）');
    // the overdue follow-up alerts its owner and the owner's supervisor
    const overdueToManager = await messages({ dedupeKey: `overdue:${ids.manager}:${date}:email` });
    expect(overdueToManager).toHaveLength(1);
    expect(overdueToManager[0]).toMatchObject({ to: 'manager@test.local', channel: 'email' });
    expect(overdueToManager[0].body).toContain('【sales1】');
  });

  it('dispatch sends every queued message once: emails arrive, the bell fills', async () => {
    const counts = (await run('dispatch')).counts;
    expect(counts).toMatchObject({ failed: 0, retry: 0 });
    expect(counts.sent).toBeGreaterThanOrEqual(4);
    const toSales1 = smtp.mails.filter((m) => (m.to as any)?.text === 'sales1@test.local');
    expect(toSales1.map((m) => m.subject).sort()).toEqual(['今日跟进计划 1 项', '逾期未跟进 1 项']);
    expect(toSales1.map((m) => m.html).join('')).toContain('回访报价（王先生）</div>');
    const before = smtp.mails.length;
    expect((await run('dispatch')).counts.sent).toBe(0);
    expect(smtp.mails.length).toBe(before);

    const sent = (await messages({ channel: 'email' }))[0];
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent.providerId).toBeTruthy();
    expect(sent.sentAt).toBeTruthy();
  });

  it('notifications are their recipient\'s: listed, marked read once', async () => {
    const mine = (await sales1.get('/api/crm/notifications').expect(200)).body;
    expect(mine.map((n: any) => n.title).sort()).toEqual(['今日跟进计划 1 项', '逾期未跟进 1 项']);
    expect(mine.every((n: any) => n.recipient === ids.sales1 && n.read === false)).toBe(true);
    expect((await sales2.get('/api/crm/notifications').expect(200)).body).toEqual([]);
    expect((await sales2.get(`/api/crm/notifications/${mine[0].id}`)).status).toBe(404);
    expect((await sales2.post(`/api/crm/notifications/${mine[0].id}/read`)).status).toBe(404);
    const unread = async () => (await sales1.get(`/api/crm/notifications?${listQuery({ filter: { read: false } })}`).expect(200)).headers['content-range'];
    expect(await unread()).toBe('notifications 0-1/2'); // the bell's count
    const read = (await sales1.post(`/api/crm/notifications/${mine[0].id}/read`).expect(200)).body;
    expect(await unread()).toBe('notifications 0-0/1');
    expect(read).toMatchObject({ read: true, actions: [] });
    expect((await sales1.post(`/api/crm/notifications/${mine[0].id}/read`)).status).toBe(200);
    // no edit route: a notification changes only by being read
    expect((await sales1.put(`/api/crm/notifications/${mine[0].id}`, { read: false })).status).toBe(403);
  });

  it('messages are read with their customer (message-visibility.test.ts); nobody writes them through the API', async () => {
    const { enqueue } = dist('message/outbox');
    await enqueue({ channel: 'sms', to: '13900001111', body: '王先生您好', purpose: 'notification', dedupeKey: 'test:visible', customer: customerId });
    expect((await messages({ customer: customerId })).map((m: any) => m.dedupeKey)).toEqual(['test:visible']);
    // the customer's consultant sees its messages; this manager (no department here) and a colleague do not
    const seen = async (c: Client) => (await c.get('/api/crm/messages').expect(200)).body.map((r: any) => r.dedupeKey);
    expect(await seen(sales1)).toEqual(['test:visible']);
    expect(await seen(manager)).toEqual([]);
    expect(await seen(sales2)).toEqual([]);
    expect((await sales1.post('/api/crm/messages', { channel: 'sms', body: 'x', purpose: 'greeting', dedupeKey: 'x' })).status).toBe(403);
    const [m] = await messages({ dedupeKey: 'test:visible' });
    expect((await admin.put(`/api/crm/messages/${m.id}`, { ...m, body: '改' })).status).toBe(403);
    expect((await admin.del(`/api/crm/messages/${m.id}`)).status).toBe(403);
    await notQuietNow(); // the shipped 21:00–08:00 would hold it at night (Shanghai)
    await run('dispatch'); // sends it, so the SMS tests below start from an empty queue
    expect((await messages({ dedupeKey: 'test:visible' }))[0]).toMatchObject({ status: 'sent' });
  });
});

describe('my notification preference', () => {
  it('a member who switched email off (My account) gets the bell only: the email copy is skipped as opt_out', async () => {
    expect((await sales2.put('/api/crm/me', { notifyByEmail: false }).expect(200)).body.notifyByEmail).toBe(false);
    const c = (await sales2.post('/api/crm/customers', { name: '偏好客户', mobile: '13900002233', level: 'A' }).expect(201)).body;
    await sales2.post('/api/crm/interactions', { kind: 'phone', subject: '偏好回访', start: new Date(Date.now() + 60000).toISOString(), customer: c.id }).expect(201);
    await run('reminders');
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const key = `reminder:${ids.sales2}:${date}`;
    expect((await messages({ dedupeKey: `${key}:email` }))[0]).toMatchObject({ channel: 'email', status: 'queued' });
    const before = smtp.mails.length;
    await run('dispatch');
    expect((await messages({ dedupeKey: `${key}:email` }))[0]).toMatchObject({ status: 'skipped', skipReason: 'opt_out' });
    expect((await messages({ dedupeKey: key }))[0]).toMatchObject({ channel: 'inapp', status: 'sent' });
    expect(smtp.mails.slice(before).filter((m) => (m.to as any)?.text === 'sales2@test.local')).toHaveLength(0);
    await sales2.put('/api/crm/me', { notifyByEmail: true }).expect(200);
  });
});

describe('SMS to customers', () => {
  const customer = async (name: string, mobile: string, extra: Record<string, unknown> = {}) =>
    (await sales1.post('/api/crm/customers', { name, mobile, level: 'A', ...extra }).expect(201)).body.id;
  const sms = (key: string, to: string, customerId: number) =>
    dist('message/outbox').enqueue({ channel: 'sms', to, body: `${key}：您好`, purpose: 'greeting', dedupeKey: key, customer: customerId });
  const one = async (key: string) => (await messages({ dedupeKey: key }))[0];

  beforeAll(notQuietNow);

  it('posts {to, body, sign} to the webhook once, and skips a customer who opted out', async () => {
    const yes = await customer('李女士', '13900002222');
    const no = await customer('赵先生', '13900003333', { smsOptOut: true });
    await sms('sms:yes', '13900002222', yes);
    await sms('sms:no', '13900003333', no);
    gateway.calls.length = 0;
    await run('dispatch');
    await run('dispatch');
    expect(gateway.calls.map((c) => c.body)).toEqual([{ to: '13900002222', body: 'sms:yes：您好 拒收请回复R', sign: '滨江地产' }]);
    expect(await one('sms:yes')).toMatchObject({ status: 'sent', attempts: 1, providerId: expect.stringMatching(/^gw-/) });
    expect(await one('sms:no')).toMatchObject({ status: 'skipped', skipReason: 'opt_out' });
  });

  it('holds SMS to customers during quiet hours and sends them after', async () => {
    await setSetting('quietHours', { from: hhmm(shanghaiMinutes() - 60), to: hhmm(shanghaiMinutes() + 60) });
    const id = await customer('钱女士', '13900004444');
    await sms('sms:night', '13900004444', id);
    gateway.calls.length = 0;
    expect((await run('dispatch')).counts).toMatchObject({ wait: 1, sent: 0 });
    const held = await one('sms:night');
    expect(held).toMatchObject({ status: 'queued', attempts: 0 });
    const waitMs = new Date(held.nextAttemptAt).getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(55 * 60000);
    expect(waitMs).toBeLessThan(61 * 60000);
    expect(gateway.calls).toEqual([]);
    // after the quiet hours (dispatch running two hours later) it goes out, once
    const { runJob } = dist('job-run/scheduler');
    await runJob('dispatch', 'test:after-quiet', 'manual', new Date(Date.now() + 2 * 3600000));
    expect(gateway.calls.map((c) => c.body.to)).toEqual(['13900004444']);
    expect(await one('sms:night')).toMatchObject({ status: 'sent', attempts: 1 });
    await notQuietNow();
  });

  it('retries a failed send later with backoff, recording the error', async () => {
    const id = await customer('孙先生', '13900005555');
    await sms('sms:retry', '13900005555', id);
    gateway.status = 500;
    expect((await run('dispatch')).counts).toMatchObject({ retry: 1 });
    const failed = await one('sms:retry');
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('500') });
    expect(new Date(failed.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    gateway.status = 200;
    gateway.calls.length = 0;
    expect((await run('dispatch')).counts.sent).toBe(0); // not due yet
    const { runJob } = dist('job-run/scheduler');
    await runJob('dispatch', 'test:retry', 'manual', new Date(Date.now() + 5 * 60000));
    expect(await one('sms:retry')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gateway.calls).toHaveLength(1);
  });

  it('reclaims a message whose worker died holding its lease, and sends it once', async () => {
    const id = await customer('周女士', '13900006666');
    await sms('sms:lease', '13900006666', id);
    const { claim, deliver } = dist('message/outbox');
    const claimed = await claim(10, new Date(), 'dead-worker'); // claimed, never sent
    expect(claimed).toHaveLength(1);
    gateway.calls.length = 0;
    // a worker that does not hold the lease leaves the row alone
    expect(await deliver(claimed[0], { now: new Date(), tz: 'Asia/Shanghai', quiet: null })).toBe('lost');
    expect((await run('dispatch')).counts.sent).toBe(0);
    const { runJob } = dist('job-run/scheduler');
    await runJob('dispatch', 'test:lease', 'manual', new Date(Date.now() + 6 * 60000));
    await runJob('dispatch', 'test:lease-2', 'manual', new Date(Date.now() + 12 * 60000));
    expect(gateway.calls.map((c) => c.body.to)).toEqual(['13900006666']);
    expect(await one('sms:lease')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('one slot runs once', () => {
  it('two callers of one slot at once: one runs, the other skips', async () => {
    const { runJob } = dist('job-run/scheduler');
    const slot = '2026-12-01T01:00:00.000Z';
    const results = await Promise.all([runJob('dispatch', slot, 'schedule'), runJob('dispatch', slot, 'schedule')]);
    expect(results.filter((r: unknown) => r === null)).toHaveLength(1);
    const rows = (await admin.get(`/api/crm/job-runs?${listQuery({ filter: { job: 'dispatch', slot } })}`).expect(200)).body;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trigger: 'schedule', error: null });
  });

  it('node-cron\'s coordinator elects one of two instances for a slot', async () => {
    const { coordinator } = dist('job-run/scheduler');
    const key = 'reminders:2026-12-02T00:30:00.000Z';
    expect((await Promise.all([coordinator.shouldRun(key, 1000), coordinator.shouldRun(key, 1000)])).sort()).toEqual([false, true]);
  });

  it('GET /api/crm/jobs shows the recent runs', async () => {
    const dispatchJob = (await admin.get('/api/crm/jobs').expect(200)).body.find((j: any) => j.name === 'dispatch');
    expect(dispatchJob.recentRuns.length).toBeGreaterThan(0);
    expect(dispatchJob.recentRuns[0]).toMatchObject({ job: 'dispatch', counts: expect.any(Object) });
  });
});

describe('pool-return', () => {
  it('returns customers not followed up for the pool-return days to the pool, audited', async () => {
    const id = (await sales2.post('/api/crm/customers', { name: '久未跟进', mobile: '13900007777', level: 'A' }).expect(201)).body.id;
    const { runJob } = dist('job-run/scheduler');
    await runJob('pool-return', 'test:now', 'manual');
    expect((await sales2.get(`/api/crm/customers/${id}`).expect(200)).body).toMatchObject({ inPool: false, owner: ids.sales2 });
    await runJob('pool-return', 'test:later', 'manual', new Date(Date.now() + 31 * 86400000));
    expect((await sales2.get(`/api/crm/customers/${id}`).expect(200)).body).toMatchObject({ inPool: true, owner: null });
    const events = (await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'customers', recordId: id } })}`).expect(200)).body;
    expect(events.some((e: any) => e.intent === 'pool-return')).toBe(true);
  });

  it('reads the owned customers a batch at a time and returns every due one, not one followed up since', async () => {
    const made: number[] = [];
    for (const [i, name] of ['批次甲', '批次乙', '批次丙', '近期跟进'].entries()) {
      made.push((await sales1.post('/api/crm/customers', { name, mobile: `1390000661${i}` }).expect(201)).body.id);
    }
    // the last one was followed up 20 days from now: 11 days before the run below, not due
    await app.strapi.db.query('api::customer.customer' as any).update({ where: { id: made[3] }, data: { lastFollowUpAt: new Date(Date.now() + 20 * 86400000) } });
    const { poolReturn } = dist('job-run/jobs/pool-return');
    const counts = await poolReturn({ now: new Date(Date.now() + 31 * 86400000) }, 2);
    expect(counts.failed).toBe(0);
    expect(counts.returned).toBeGreaterThanOrEqual(3);
    const shown = await Promise.all(made.map(async (id) => (await admin.get(`/api/crm/customers/${id}`).expect(200)).body));
    expect(shown.map((c) => [c.name, c.inPool, c.owner])).toEqual([
      ['批次甲', true, null], ['批次乙', true, null], ['批次丙', true, null], ['近期跟进', false, ids.sales1],
    ]);
  });
});

describe('assignment-deadline', () => {
  it('alerts the managers, once a day, about leads nobody took on in time', async () => {
    await app.staff('reception', 'reception');
    const reception = await app.as('reception');
    await reception.post('/api/crm/leads', { subject: '前台登记的线索', mobile: '13900008888' }).expect(201);
    const { runJob } = dist('job-run/scheduler');
    await runJob('assignment-deadline', 'test:now', 'manual');
    expect((await manager.get('/api/crm/notifications').expect(200)).body.filter((n: any) => n.title.includes('未分配'))).toEqual([]);
    const later = new Date(Date.now() + 3 * 86400000);
    expect(await runJob('assignment-deadline', 'test:later', 'manual', later)).toEqual(expect.any(Number));
    await runJob('assignment-deadline', 'test:later-again', 'manual', later);
    await run('dispatch');
    const alerts = (await manager.get('/api/crm/notifications').expect(200)).body.filter((n: any) => n.title.includes('未分配'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ title: '1 条线索超过 2 天未分配', linkResource: 'leads' });
    expect(alerts[0].body).toContain('前台登记的线索');
  });
});

describe('holidays and greetings', () => {
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

  it('ships the lunar festivals and the statutory list, for admin and marketing to edit', async () => {
    const all = (await admin.get(`/api/crm/holidays?${listQuery({ range: [0, 99] })}`).expect(200)).body;
    expect(all).toEqual(expect.arrayContaining([
      expect.objectContaining({ date: '2027-02-06', name: '春节', kind: 'lunar' }),
      expect.objectContaining({ date: '2027-10-01', name: '国庆节', kind: 'statutory' }),
    ]));
    expect((await sales1.get('/api/crm/holidays')).status).toBe(403);
    const bad = await admin.post('/api/crm/holidays', { date: '2027-13-01', name: '坏日期' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ field: 'date', code: 'invalid_date' });
  });

  it('greets customers on a holiday and on their birthday, once, skipping those who opted out', async () => {
    const quiet = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'quietHours' } })}`).expect(200)).body[0];
    await admin.put(`/api/crm/settings/${quiet.id}`, { ...quiet, value: JSON.stringify({ from: '00:00', to: '00:00' }) }).expect(200);
    await admin.post('/api/crm/holidays', { date: today(), name: '店庆', greeting: '{{name}}您好，{{festival}}专享优惠' }).expect(201);
    const birthday = `1985-${today().slice(5)}`;
    const a = (await sales1.post('/api/crm/customers', { name: 'A&B公司', mobile: '13900009991', email: 'ab@test.local', level: 'A', birthday }).expect(201)).body.id;
    const b = (await sales1.post('/api/crm/customers', { name: '不打扰', mobile: '13900009992', level: 'A', smsOptOut: true }).expect(201)).body.id;
    const first = (await run('greetings')).counts;
    expect(first.queued).toBeGreaterThan(0);
    expect((await run('greetings')).counts).toMatchObject({ queued: 0, duplicates: first.queued });

    const keysOf = async (customer: number) => (await messages({ customer })).map((m: any) => m.dedupeKey).sort();
    const holiday = (await admin.get(`/api/crm/holidays?${listQuery({ filter: { name: '店庆' } })}`).expect(200)).body[0].id;
    expect(await keysOf(a)).toEqual([
      `greeting:${a}:birthday:${today()}:email`, `greeting:${a}:birthday:${today()}:sms`,
      `greeting:${a}:holiday-${holiday}:${today()}:email`, `greeting:${a}:holiday-${holiday}:${today()}:sms`,
    ].sort());
    gateway.calls.length = 0;
    const mailsBefore = smtp.mails.length;
    await run('dispatch');
    expect(gateway.calls.map((c) => c.body.to).filter((to) => to.startsWith('139000099')).sort()).toEqual(['13900009991', '13900009991']);
    expect(gateway.calls.map((c) => c.body.body)).toContain('A&B公司您好，店庆专享优惠 拒收请回复R'); // marketing SMS say how to refuse them
    const mails = smtp.mails.slice(mailsBefore).filter((m) => (m.to as any)?.text === 'ab@test.local');
    expect(mails.map((m) => m.subject).sort()).toEqual(['店庆祝福', '生日祝福']);
    expect(mails.map((m) => m.html).join('')).toContain('A&amp;B公司您好');
    expect((await messages({ customer: b })).map((m: any) => [m.status, m.skipReason])).toEqual([['skipped', 'opt_out']]);
  });
});

describe('return-visits', () => {
  it('reminds the owner to call back a visitor not followed up for the return-visit days, once', async () => {
    const c = (await sales2.post('/api/crm/customers', { name: '到访客户', mobile: '13900006543', level: 'A' }).expect(201)).body.id;
    const visit = (await sales2.post('/api/crm/interactions', { kind: 'visit', subject: '首次到访', start: new Date().toISOString(), customer: c }).expect(201)).body;
    await sales2.post(`/api/crm/interactions/${visit.id}/complete`, { outcome: '看了样板间', version: visit.version }).expect(200);
    const { runJob } = dist('job-run/scheduler');
    const weekLater = new Date(Date.now() + 7 * 86400000);
    expect(await runJob('return-visits', 'test:rv', 'manual', weekLater)).toEqual(expect.any(Number));
    await runJob('return-visits', 'test:rv-again', 'manual', weekLater);
    const queued = await messages({ dedupeKey: `return-visit:${visit.id}` });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ staff: ids.sales2, customer: c, subject: '回访提醒：到访客户', channel: 'inapp' });
    expect(await messages({ dedupeKey: `return-visit:${visit.id}:email` })).toHaveLength(1);
  });
});

describe('Aliyun and Tencent SMS through their SDKs, pointed at a loopback gateway', () => {
  const env = { ...process.env };
  afterEach(() => {
    for (const k of ['SMS_PROVIDER', 'SMS_ENDPOINT', 'SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_TEMPLATE', 'SMS_APP_ID']) {
      if (env[k] === undefined) delete process.env[k]; else process.env[k] = env[k];
    }
  });
  const sendOne = async (provider: string, gw: HttpSink, key: string, mobile: string) => {
    Object.assign(process.env, {
      SMS_PROVIDER: provider, SMS_ENDPOINT: gw.url, SMS_ACCESS_KEY_ID: 'test-id', SMS_ACCESS_KEY_SECRET: 'test-secret',
      SMS_TEMPLATE: 'SMS_0001', SMS_APP_ID: '1400000000',
    });
    const c = (await sales1.post('/api/crm/customers', { name: `${provider}客户`, mobile, level: 'A' }).expect(201)).body.id;
    await dist('message/outbox').enqueue({ channel: 'sms', to: mobile, body: `${provider} 祝您周末愉快`, purpose: 'greeting', dedupeKey: key, customer: c });
    const quiet = (await admin.get(`/api/crm/settings?${listQuery({ filter: { key: 'quietHours' } })}`).expect(200)).body[0];
    await admin.put(`/api/crm/settings/${quiet.id}`, { ...quiet, value: JSON.stringify({ from: '00:00', to: '00:00' }) }).expect(200);
    await run('dispatch');
    return (await messages({ dedupeKey: key }))[0];
  };
  const seen = (gw: HttpSink) => decodeURIComponent(gw.calls.map((c) => `${c.path} ${typeof c.body === 'string' ? c.body : JSON.stringify(c.body)}`).join('\n')).replace(/\+/g, ' ');

  it('Aliyun: one signed SendSms call with the template and the body as its content', async () => {
    const gw = await httpSink(() => ({ Code: 'OK', Message: 'OK', BizId: 'biz-123', RequestId: 'req-1' }));
    try {
      const m = await sendOne('aliyun', gw, 'sms:aliyun', '13900001234');
      expect(m).toMatchObject({ status: 'sent', providerId: 'biz-123' });
      expect(gw.calls).toHaveLength(1);
      const text = seen(gw);
      for (const part of ['PhoneNumbers=13900001234', 'SignName=滨江地产', 'TemplateCode=SMS_0001', '"content":"aliyun 祝您周末愉快 拒收请回复R"']) expect(text).toContain(part);
      // signed by the SDK with the configured key
      expect(gw.calls[0].headers['x-acs-action']).toBe('SendSms');
      expect(String(gw.calls[0].headers.authorization)).toContain('test-id');
    } finally {
      await gw.close();
    }
  });

  it('Tencent: one SendSms call; a refusal by the gateway is recorded and retried', async () => {
    let code = 'LimitExceeded.PhoneNumberDailyLimit';
    const gw = await httpSink(() => ({ Response: { SendStatusSet: [{ SerialNo: 'sn-9', PhoneNumber: '+8613900005678', Code: code, Message: 'x' }], RequestId: 'r-1' } }));
    try {
      const first = await sendOne('tencent', gw, 'sms:tencent', '13900005678');
      expect(first).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('LimitExceeded') });
      expect(gw.calls[0].headers['x-tc-action']).toBe('SendSms');
      expect(gw.calls[0].body).toMatchObject({ PhoneNumberSet: ['13900005678'], TemplateId: 'SMS_0001', SmsSdkAppId: '1400000000', TemplateParamSet: ['tencent 祝您周末愉快 拒收请回复R'] });
      code = 'Ok';
      await dist('job-run/scheduler').runJob('dispatch', 'test:tencent', 'manual', new Date(Date.now() + 5 * 60000));
      expect((await messages({ dedupeKey: 'sms:tencent' }))[0]).toMatchObject({ status: 'sent', providerId: 'sn-9', attempts: 2 });
      expect(gw.calls).toHaveLength(2);
    } finally {
      await gw.close();
    }
  });
});
