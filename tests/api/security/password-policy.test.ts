// #11: one password policy (crm/password.ts) on every way a password is set: the member's own
// change-password, an admin creating staff and an admin's reset.
import { bootApp, PASSWORD, type Client, type TestApp } from '../../helpers/app';

let app: TestApp;
let admin: Client;
let salesId: number;

beforeAll(async () => {
  app = await bootApp();
  await app.staff('boss', 'admin');
  salesId = await app.staff('sales1', 'sales');
  admin = await app.as('boss');
});
afterAll(() => app?.stop());

const BAD: [string, string, string][] = [
  ['6 characters', 'abc123', 'password_too_short'],
  ['7 characters', 'abcd123', 'password_too_short'],
  ['73 bytes', 'a'.repeat(36) + 'b'.repeat(37), 'password_too_long'],
  ['25 Chinese characters (75 bytes)', '密'.repeat(25), 'password_too_long'],
  ['one character repeated', 'aaaaaaaaaa', 'password_too_weak'],
];

function expectPolicy(res: any, code: string, what: string) {
  expect([what, res.status]).toEqual([what, 400]);
  expect(res.body.error.details).toMatchObject({ field: 'password', code });
  expect(res.body.error.message).toContain('password');
}

describe('one password policy', () => {
  it.each(BAD)('change-password refuses %s', async (what, password, code) => {
    const c = await app.as('sales1');
    const res = await app.http().post('/api/auth/change-password').set('Authorization', `Bearer ${c.token}`)
      .send({ currentPassword: PASSWORD, password, passwordConfirmation: password });
    expectPolicy(res, code, what);
    // unchanged: the old password still logs in
    expect((await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: PASSWORD })).status).toBe(200);
  });

  it.each(BAD)('staff create refuses %s', async (what, password, code) => {
    expectPolicy(await admin.post('/api/crm/staff', { username: `new${code}`, password, role: 'sales' }), code, what);
  });

  it.each(BAD)('an admin\'s reset refuses %s', async (what, password, code) => {
    expectPolicy(await admin.post(`/api/crm/staff/${salesId}/reset-password`, { password }), code, what);
  });

  it('accepts a policy-conforming password on all three paths', async () => {
    expect((await admin.post('/api/crm/staff', { username: 'fresh1', password: 'fresh-pass-2026', role: 'sales' })).status).toBe(201);
    expect((await admin.post(`/api/crm/staff/${salesId}/reset-password`, { password: 'reset-pass-2026' })).status).toBe(200);
    const login = await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: 'reset-pass-2026' });
    const res = await app.http().post('/api/auth/change-password').set('Authorization', `Bearer ${login.body.jwt}`)
      .send({ currentPassword: 'reset-pass-2026', password: '密码安全-2026', passwordConfirmation: '密码安全-2026' });
    expect(res.status).toBe(200);
    expect((await app.http().post('/api/auth/local').send({ identifier: 'sales1', password: '密码安全-2026' })).status).toBe(200);
  });
});
