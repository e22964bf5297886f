// #5: staff passwords are reset by an admin, so users-permissions' public flows are off. Every
// caller gets the same 404 JSON whether the email exists or not, and no mail goes out.
import { bootApp, type TestApp } from '../../helpers/app';

let app: TestApp;
let sent = 0;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('sales1', 'sales');
  // Count every attempt to mail through Strapi's email service (no provider in tests).
  const email = app.strapi.plugin('email').service('email');
  const original = email.send.bind(email);
  email.send = async (...args: unknown[]) => {
    sent += 1;
    return original(...args);
  };
});
afterAll(() => app?.stop());

const FLOWS: [string, string, Record<string, unknown>][] = [
  ['POST', '/api/auth/forgot-password', { email: 'sales1@test.local' }],
  ['POST', '/api/auth/forgot-password', { email: 'nobody@test.local' }],
  ['POST', '/api/auth/reset-password', { code: 'abc', password: 'whatever-2026', passwordConfirmation: 'whatever-2026' }],
  ['POST', '/api/auth/send-email-confirmation', { email: 'sales1@test.local' }],
  ['POST', '/api/auth/send-email-confirmation', { email: 'nobody@test.local' }],
  ['GET', '/api/auth/email-confirmation?confirmation=abc', {}],
  ['POST', '/api/auth/local/register', { username: 'intruder', email: 'i@x.cn', password: 'secret-2026-x' }],
];

describe('public account flows are off', () => {
  it.each(FLOWS)('%s %s answers the same 404 JSON', async (method, path, body) => {
    const req = method === 'GET' ? app.http().get(path) : app.http().post(path).send(body);
    const res = await req;
    expect([path, res.status]).toEqual([path, 404]);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      data: null,
      error: { status: 404, name: 'NotFoundError', message: expect.any(String), details: { code: 'self_service_disabled' } },
    });
  });

  it('identical answers for a known and an unknown email, nothing mailed, nobody registered, no reset token', async () => {
    const known = await app.http().post('/api/auth/forgot-password').send({ email: 'sales1@test.local' });
    const unknown = await app.http().post('/api/auth/forgot-password').send({ email: 'nobody@test.local' });
    expect(known.body).toEqual(unknown.body);
    expect(known.status).toBe(unknown.status);
    expect(sent).toBe(0);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'sales1' } });
    expect(user.resetPasswordToken).toBeFalsy();
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intruder' } })).toBe(0);
  });

  it('logging in still works', async () => {
    expect((await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: 'test-pass-2026' })).status).toBe(200);
  });
});
