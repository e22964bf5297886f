// Hostile input is a 4xx JSON error naming the field, with a machine-readable code, never a 500
// or a fake success: #7 action names, #8 JSON depth and size, #10 multipart and body size,
// #12 numbers out of range and control characters.
import { bootApp, listQuery, type Client, type TestApp } from '../../helpers/app';

let app: TestApp;
let admin: Client;
let sales: Client;
let lead: number;
let customer: number;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('boss', 'admin');
  await app.staff('sales1', 'sales');
  [admin, sales] = await Promise.all([app.as('boss'), app.as('sales1')]);
  lead = (await sales.post('/api/crm/leads', { subject: '张先生', mobile: '13800002222' }).expect(201)).body.id;
  customer = (await sales.post('/api/crm/customers', { name: '李女士' }).expect(201)).body.id;
});
afterAll(() => app?.stop());

function expectRefused(res: any, status: number, field: string, code: string) {
  expect([field, code, res.status]).toEqual([field, code, status]);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.error).toMatchObject({ status, details: { field, code } });
  if (status === 400) expect(res.body.error.message).toContain(field);
}

describe('#7 bulk action names are own actions only', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'])('bulk/%s is 404 unknown_action', async (name) => {
    const res = await sales.post(`/api/crm/leads/bulk/${name}`, { ids: [lead] });
    expectRefused(res, 404, 'action', 'unknown_action');
    expect((await sales.get(`/api/crm/leads/${lead}`)).body.status).toBe('active');
  });

  it('a real action still resolves', async () => {
    const res = await sales.post('/api/crm/leads/bulk/close', { ids: [lead] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('reason');
  });
});

describe('#8 JSON fields and bodies are bounded', () => {
  const nested = (levels: number) => {
    let v: any = { leaf: 1 };
    for (let i = 1; i < levels; i++) v = { n: v };
    return v;
  };

  it('accepts JSON fields up to 5 levels and 16 KB', async () => {
    // (custom values must also match their definitions: tags is free JSON)
    const res = await sales.put(`/api/crm/customers/${customer}`, { tags: nested(5), version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.tags).toEqual(nested(5));
  });

  it('refuses deeper custom fields and tags', async () => {
    expectRefused(await sales.post('/api/crm/customers', { name: '深', custom: nested(6) }), 400, 'custom', 'json_too_deep');
    expectRefused(await sales.post('/api/crm/customers', { name: '深', tags: [[[[[['x']]]]]] }), 400, 'tags', 'json_too_deep');
  });

  it('refuses a custom field over 16 KB', async () => {
    expectRefused(await sales.post('/api/crm/customers', { name: '大', custom: { note: 'x'.repeat(17000) } }), 400, 'custom', 'json_too_large');
  });

  it('refuses a body nested 5000 levels deep with 400, not 500', async () => {
    const deep = '{"custom":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + ',"name":"x"}';
    const res = await sales.post('/api/crm/customers').set('Content-Type', 'application/json').send(deep);
    expectRefused(res, 400, 'body', 'json_too_deep');
  });

  it('refuses a deeply nested filter with 400, not 500', async () => {
    // 600 levels: deeper still would not fit in a URL (Node answers 431 to headers over 16 KB).
    const filter = '{"name":' + '{"a":'.repeat(600) + '1' + '}'.repeat(600) + '}';
    const res = await sales.get(`/api/crm/customers?filter=${encodeURIComponent(filter)}`);
    expectRefused(res, 400, 'filter', 'json_too_deep');
    const ok = await sales.get(`/api/crm/customers?${listQuery({ filter: { name: '李女士' } })}`);
    expect(ok.status).toBe(200);
  });
});

describe('#10 bodies: no multipart, small limits, a Bearer-shaped credential', () => {
  it('a multipart POST with a bogus credential is 401 before anything is parsed', async () => {
    for (const auth of ['Basic Zm9vOmJhcg==', 'bogus', 'Bearer', 'Bearer a b']) {
      const res = await app.http().post('/api/crm/leads').set('Authorization', auth)
        .field('subject', 'x').attach('file', Buffer.alloc(3 * 1024 * 1024, 1), 'big.bin');
      expect([auth, res.status]).toEqual([auth, 401]);
      expect(res.body.error.details.code).toBe('missing_credentials');
    }
    const bogusToken = await app.http().post('/api/crm/leads').set('Authorization', 'Bearer not-a-token')
      .field('subject', 'x').attach('file', Buffer.alloc(1024 * 1024, 1), 'big.bin');
    expect(bogusToken.status).toBe(401);
  });

  it('a signed-in multipart POST is not parsed either: no lead from form fields', async () => {
    const before = await app.strapi.db.query('api::lead.lead').count({});
    const res = await app.http().post('/api/crm/leads').set('Authorization', `Bearer ${sales.token}`)
      .field('subject', '表单线索').field('mobile', '13800003333');
    expectRefused(res, 415, 'body', 'multipart_not_accepted');
    expect(await app.strapi.db.query('api::lead.lead').count({})).toBe(before);
  });

  it('a 2 MB JSON body is 413 in JSON', async () => {
    const res = await sales.post('/api/crm/leads', { subject: 'x', description: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.error).toMatchObject({ status: 413, details: { field: 'body', code: 'body_too_large' } });
  });
});

describe('#12 numbers by meaning, no control characters', () => {
  it('refuses out-of-range numbers with their bounds', async () => {
    const opp = await sales.post('/api/crm/opportunities', { customer, estimatedValue: -1e308 });
    expectRefused(opp, 400, 'estimatedValue', 'out_of_range');
    expect(opp.body.error.details).toMatchObject({ min: 0, max: 1e12 });
    expectRefused(await sales.post('/api/crm/opportunities', { customer, estimatedValue: 2e12 }), 400, 'estimatedValue', 'out_of_range');
    expectRefused(await sales.post('/api/crm/opportunities', { customer, probability: 101 }), 400, 'probability', 'out_of_range');
    expectRefused(await admin.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), partySize: 1e9 }), 400, 'partySize', 'out_of_range');
    expectRefused(await admin.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), partySize: 0 }), 400, 'partySize', 'out_of_range');
    expectRefused(await admin.post('/api/crm/levels', { code: 'Z', label: 'Z', followUpDays: 1e9 }), 400, 'followUpDays', 'out_of_range');
    expectRefused(await admin.post('/api/crm/stages', { name: '远', probability: 10, order: 1e6 }), 400, 'order', 'out_of_range');
  });

  it('accepts numbers within their bounds', async () => {
    expect((await sales.post('/api/crm/opportunities', { customer, estimatedValue: 1250000.5, probability: 30 })).status).toBe(201);
    expect((await admin.post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), partySize: 4 })).status).toBe(201);
  });

  it.each([
    ['NUL', 'a\u0000b'], ['escape', 'a\u001b[31mb'], ['bell', 'a\u0007'], ['RLO', '\u202e1234'], ['LRI', '\u2066x\u2069'], ['line break in a one-line field', 'a\nb'],
  ])('refuses %s in a string field', async (_what, value) => {
    expectRefused(await sales.post('/api/crm/leads', { subject: value }), 400, 'subject', 'control_characters');
  });

  it('refuses them in staff names too', async () => {
    const res = await admin.post('/api/crm/staff', { username: 'bidi1', password: 'staff-pass-2026', displayName: '王\u202e经理' });
    expectRefused(res, 400, 'displayName', 'control_characters');
  });

  it('keeps line breaks and tabs in long text, refuses NUL there', async () => {
    const ok = await sales.post('/api/crm/leads', { subject: '多行', description: '第一行\n第二行\tTab' });
    expect(ok.status).toBe(201);
    expect(ok.body.description).toBe('第一行\n第二行\tTab');
    expectRefused(await sales.post('/api/crm/leads', { subject: '多行', description: 'a\u0000b' }), 400, 'description', 'control_characters');
  });
});
