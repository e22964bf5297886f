// The login throttle counts FAILED logins: per account (5, then the account is locked for 15
// minutes) and per client address (a higher ceiling, whichever identifiers are tried). Successful
// logins from one address (a sales floor behind one NAT) are only capped far above real use.
// Its counters are rows in the database: they survive a restart and are shared by every
// instance on that database.
import { bootApp, PASSWORD, type Client, type TestApp } from '../../helpers/app';

const ADDRESS_FAILURES = 20;
const ENV = {
  // The old per-address limit's shipped default: it must no longer apply to successful logins.
  CRM_LOGIN_RATE_MAX: '10',
  CRM_LOGIN_ADDRESS_PER_MINUTE: '300',
  CRM_LOGIN_ADDRESS_FAILURES: String(ADDRESS_FAILURES),
};
const CONSULTANTS = Array.from({ length: 15 }, (_, i) => `consultant${i + 1}`);
let app: TestApp;
let boss: Client;

beforeAll(async () => {
  app = await bootApp({ env: ENV });
  for (const u of [...CONSULTANTS, 'sales1', 'sales2']) await app.staff(u, 'sales');
  await app.staff('boss', 'admin');
  boss = await app.as('boss');
});
afterAll(() => app?.stop());

const login = (identifier: string, password: string, headers: Record<string, string> = {}) => {
  const req = app.http().post('/api/auth/local');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ identifier, password });
};

function expect429(res: any, code: string, what: string) {
  expect([what, res.status]).toEqual([what, 429]);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError', details: { code, field: 'identifier' } } });
  expect(res.body.jwt).toBeUndefined();
  const retryAt = Date.parse(res.body.error.details.retryAt);
  expect(retryAt).toBeGreaterThan(Date.now() + 10 * 60000);
  expect(retryAt).toBeLessThanOrEqual(Date.now() + 15 * 60000 + 5000);
  expect(res.body.error.message).toContain(res.body.error.details.retryAt);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(600);
}

describe('login throttling', () => {
  it('lets 15 consultants behind one address log in, each of them several times', async () => {
    for (const round of [1, 2]) {
      for (const u of CONSULTANTS) {
        const res = await login(u, PASSWORD);
        expect([u, round, res.status]).toEqual([u, round, 200]);
      }
    }
  });

  it('locks an account after 5 wrong passwords, even for the right one and spelled as its email', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login(i % 2 ? 'sales1' : 'sales1@test.local', `wrong-${i}`);
      expect([i, res.status]).toEqual([i, 400]);
    }
    expect429(await login('sales1', PASSWORD), 'login_locked', 'right password');
    expect429(await login('sales1@test.local', PASSWORD), 'login_locked', 'email spelling');
    expect429(await login('sales1', 'another-guess'), 'login_locked', 'next guess');
  });

  it('keeps the other accounts on that address working', async () => {
    expect((await login('sales2', PASSWORD)).status).toBe(200);
    expect((await login('consultant1', PASSWORD)).status).toBe(200);
  });

  it('a successful login clears the account\'s failures', async () => {
    for (let i = 0; i < 4; i++) expect((await login('sales2', 'wrong-password')).status).toBe(400);
    expect((await login('sales2', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('sales2', 'wrong-password')).status).toBe(400);
    expect((await login('sales2', PASSWORD)).status).toBe(200);
  });

  it('keeps its counters in the database, exposed by no API (not even to an admin)', async () => {
    const rows = await app.strapi.db.query('api::login-attempt.login-attempt').findMany({});
    expect(rows.map((r: any) => r.bucket)).toEqual(expect.arrayContaining([expect.stringMatching(/^user:\d+$/), expect.stringMatching(/^addr:/)]));
    for (const path of ['/api/crm/login-attempts', '/api/login-attempts']) {
      const res = await boss.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(JSON.stringify(res.body)).not.toContain('user:');
    }
  });

  it('throttles an address that rotates identifiers, and a made-up X-Forwarded-For does not escape', async () => {
    // 5 (sales1) + 4 + 4 (sales2) failures so far from this address: the ceiling is near.
    let res: any;
    let tries = 0;
    do {
      res = await login(`nobody${tries}`, 'guess', { 'X-Forwarded-For': `203.0.113.${tries}` });
      tries++;
    } while (res.status === 400 && tries < 50);
    expect(tries).toBeLessThanOrEqual(ADDRESS_FAILURES);
    expect429(res, 'login_throttled', 'rotating identifiers');
    expect429(await login('consultant2', PASSWORD, { 'X-Forwarded-For': '198.51.100.9' }), 'login_throttled', 'spoofed address');
  });

  it('still holds after a restart on the same database; behind a trusted proxy addresses come from X-Forwarded-For', async () => {
    await app.stop({ keepDatabase: true });
    app = await bootApp({ database: app.database, env: { ...ENV, CRM_TRUST_PROXY: 'true' } });
    // The address that rotated identifiers (127.0.0.1 on the socket, now named by the proxy).
    expect429(await login('consultant3', PASSWORD, { 'X-Forwarded-For': '127.0.0.1' }), 'login_throttled', 'same address after restart');
    // Another client behind the proxy: only the account lock applies to it.
    expect429(await login('sales1', PASSWORD, { 'X-Forwarded-For': '198.51.100.20' }), 'login_locked', 'account after restart');
    expect((await login('consultant3', PASSWORD, { 'X-Forwarded-For': '198.51.100.20' })).status).toBe(200);
  });
});
