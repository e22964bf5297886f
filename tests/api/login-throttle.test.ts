// Password guessing is throttled per client address: CRM_LOGIN_RATE_MAX login attempts a minute,
// whichever accounts they are for, then 429 in Strapi's JSON error shape.
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';

const LIMIT = 5;
let app: TestApp;

beforeAll(async () => {
  app = await bootApp({ env: { CRM_LOGIN_RATE_MAX: String(LIMIT) } });
  await app.staff('sales1', 'sales');
  await app.staff('sales2', 'sales');
});
afterAll(() => app?.stop());

const login = (identifier: string, password: string, headers: Record<string, string> = {}) => {
  const req = app.http().post('/api/auth/local');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ identifier, password });
};

const expectThrottled = (res: { status: number; headers: Record<string, string>; body: any }, what: string) => {
  expect([what, res.status]).toEqual([what, 429]);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError', message: expect.any(String) } });
  expect(res.body.jwt).toBeUndefined();
};

describe('login throttling', () => {
  let token: string;

  it(`allows ${LIMIT} attempts a minute from one address, successful or not, whichever account`, async () => {
    const ok = await login('sales1', PASSWORD);
    expect(ok.status).toBe(200);
    token = ok.body.jwt;
    for (const identifier of ['sales1', 'sales2', 'nobody', 'sales1']) {
      const res = await login(identifier, 'wrong-password');
      expect([identifier, res.status]).toEqual([identifier, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.error.status).toBe(400);
      expect(res.body.jwt).toBeUndefined();
    }
  });

  it('then answers 429 in JSON, for the next guess, another account and even the right password', async () => {
    expectThrottled(await login('sales1', 'wrong-password'), 'next guess');
    expectThrottled(await login('sales2', 'another-guess'), 'another account');
    expectThrottled(await login('admin', 'admin123'), 'unknown account');
    expectThrottled(await login('sales1', PASSWORD), 'right password');
  });

  it('is not fooled by a made-up X-Forwarded-For, an email field in the body or another spelling of the path', async () => {
    expectThrottled(await login('sales1', PASSWORD, { 'X-Forwarded-For': '203.0.113.7' }), 'X-Forwarded-For');
    expectThrottled(await login('sales1', PASSWORD, { 'X-Real-IP': '203.0.113.8' }), 'X-Real-IP');
    const withEmail = await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: PASSWORD, email: 'fresh@bucket.cn' });
    expectThrottled(withEmail, 'email in body');
    for (const path of ['/api/auth/local/', '/API/auth/local', '/api/auth/local?again=1']) {
      expectThrottled(await app.http().post(path).send({ identifier: 'sales1', password: PASSWORD }), path);
    }
  });

  it('throttles only logging in: a signed-in member keeps working', async () => {
    const me = await app.http().get('/api/crm/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('sales1');
  });
});
