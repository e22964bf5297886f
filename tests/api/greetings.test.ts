// The greetings job renders and queues in SQL (INSERT … SELECT, batch.ts#enqueueSelect): each
// row must be the one the JavaScript rules make (render, queuedBody with its opt-out phrase,
// greetingOccasions), for awkward names and templates, linked to its customer, queued once
// however often and however concurrently the job runs, and nothing for inactive customers.
import path from 'path';
import { backendModule, bootApp, type TestApp } from '../helpers/app';

let app: TestApp;
const dist = (p: string) => backendModule(path.join('api', p));
const TZ = 'Asia/Shanghai';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
const CUSTOMER = 'api::customer.customer';

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.stop();
});

// names as they may sit in the table (imports, old rows): trailing spaces of several kinds, quotes,
// placeholders and SQL-ish text are data, never syntax
const NAMES = ['A&B公司', "O'Brien", '王 ', '李\u3000', '赵\t\n', '问?号%_', '{{festival}}', '拒收请回复R', ''];
const TEMPLATES = ['{{ name }}，{{festival}}快乐{{unknown}}', '亲爱的{{name}}', '{{name}}您好 拒收请回复R', '无称呼的祝福 ', '{{festival}}'];

// any day but today
const notToday = () => (today().slice(5) === '01-15' ? '1980-01-16' : '1980-01-15');

async function customers() {
  const strapi = app.strapi as any;
  const knex = strapi.db.connection;
  const table = strapi.db.metadata.get(CUSTOMER).tableName;
  const made: { id: number; name: string; mobile: string | null; email: string | null; birthday: boolean }[] = [];
  for (const [i, name] of NAMES.entries()) {
    const birthday = i % 2 === 0;
    const doc = await strapi.documents(CUSTOMER).create({
      data: { name: `客户${i}`, mobile: i === 3 ? null : `1390000${String(i).padStart(4, '0')}`, email: i % 3 === 0 ? `c${i}@test.local` : null, level: 'A', birthday: birthday ? `1980-${today().slice(5)}` : notToday() },
    });
    // below the write rules on purpose: they would tidy the name
    await knex(table).where({ id: doc.id }).update({ name });
    made.push({ id: doc.id, name, mobile: i === 3 ? null : `1390000${String(i).padStart(4, '0')}`, email: i % 3 === 0 ? `c${i}@test.local` : null, birthday });
  }
  const inactive = await strapi.documents(CUSTOMER).create({ data: { name: '流失客户', mobile: '13900009999', level: 'A', type: 'inactive', birthday: `1980-${today().slice(5)}` } });
  return { made, inactive: inactive.id as number };
}

it('queues exactly the rows the JavaScript rules make, once, with their customer links', async () => {
  const strapi = app.strapi as any;
  const { made, inactive } = await customers();
  const holidays = [];
  for (const [i, greeting] of TEMPLATES.entries()) {
    holidays.push(await strapi.db.query('api::holiday.holiday').create({ data: { date: today(), name: `节日${i}`, greeting, active: true } }));
  }
  await strapi.db.query('api::holiday.holiday').create({ data: { date: today(), name: '停用的节日', greeting: 'x', active: false } });

  const { render } = dist('message/template');
  const { queuedBody } = dist('message/outbox');
  const { greetingOccasions } = dist('job-run/jobs/due');
  const occasions: any[] = greetingOccasions(holidays, today());
  const want: Record<string, unknown>[] = [];
  let greeted = 0;
  for (const c of made) {
    for (const o of occasions) {
      if (o.birthdays && !c.birthday) continue;
      greeted++;
      const body = render(o.template, { name: c.name, festival: o.festival });
      for (const [channel, to] of [['sms', c.mobile], ['email', c.email]]) {
        if (!to) continue;
        const m = { channel, to, body, purpose: 'greeting', customer: c.id, dedupeKey: `greeting:${c.id}:${o.occasion}:${today()}:${channel}` };
        want.push({ ...m, body: queuedBody(m), subject: channel === 'email' ? `${o.festival}祝福` : null, messageStatus: 'queued', attempts: 0 });
      }
    }
  }
  const { greetings } = dist('job-run/jobs/greetings');
  const ctx = { now: new Date(), tz: TZ };
  // two runs at once (two instances, or a manual run during the scheduled one), then a third
  const runs = await Promise.all([greetings(ctx), greetings(ctx)]);
  expect(runs.map((r: any) => r.greetings)).toEqual([greeted, greeted]);
  expect(runs[0].queued + runs[1].queued).toBe(want.length);
  expect(runs[0].duplicates + runs[1].duplicates).toBe(want.length);
  expect(await greetings(ctx)).toEqual({ greetings: greeted, queued: 0, duplicates: want.length });

  const rows: any[] = await strapi.db.query('api::message.message').findMany({ populate: { customer: { select: ['id'] } }, orderBy: { dedupeKey: 'asc' } });
  const got = rows.map((r) => ({
    channel: r.channel, to: r.to, body: r.body, purpose: r.purpose, customer: r.customer?.id ?? null, dedupeKey: r.dedupeKey,
    subject: r.subject, messageStatus: r.messageStatus, attempts: r.attempts,
  }));
  const byKey = (a: any, b: any) => (a.dedupeKey < b.dedupeKey ? -1 : 1);
  expect(got.sort(byKey)).toEqual(want.sort(byKey));
  expect(got.some((m) => m.customer === inactive)).toBe(false);
  // one link row per message: the message log shows each greeting once under its customer
  const jt = strapi.db.metadata.get('api::message.message').attributes.customer.joinTable;
  const [{ n }] = await strapi.db.connection(jt.name).count({ n: '*' });
  expect(Number(n)).toBe(want.length);
  // document ids shaped like Strapi's, all distinct
  expect(rows.every((r) => /^[a-z][a-z0-9]{23}$/.test(r.documentId))).toBe(true);
  expect(new Set(rows.map((r) => r.documentId)).size).toBe(rows.length);
});

it('queues a batch bigger than one insert statement (SQLite takes 500 rows a statement), each message once', async () => {
  const { enqueueMany } = dist('message/batch');
  const list = Array.from({ length: 1234 }, (_, i) => ({
    channel: 'inapp', to: null, subject: '提醒', body: `第${i}条`, purpose: 'reminder', dedupeKey: `bulk-test:${i}`,
  }));
  expect(await enqueueMany(list)).toEqual({ queued: 1234, duplicates: 0 });
  expect(await enqueueMany(list.slice(1000).concat({ ...list[0], dedupeKey: 'bulk-test:new' }))).toEqual({ queued: 1, duplicates: 234 });
  const n = await app.strapi.db.query('api::message.message').count({ where: { dedupeKey: { $startsWith: 'bulk-test:' } } });
  expect(n).toBe(1235);
});
