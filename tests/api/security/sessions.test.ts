// #6: ending a member's sessions at once. An admin's password reset, a deactivation and a role
// change make both the refresh token and every access token already issued fail; the member's own
// logout and change-password kill the old access tokens too.
import { bootApp, PASSWORD, type Client, type TestApp } from '../../helpers/app';

let app: TestApp;
let admin: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  app = await bootApp();
  ids.boss = await app.staff('boss', 'admin');
  for (const u of ['reset1', 'gone1', 'moved1', 'out1', 'change1', 'other1']) ids[u] = await app.staff(u, 'sales');
  admin = await app.as('boss');
});
afterAll(() => app?.stop());

const me = (token: string) => app.http().get('/api/crm/me').set('Authorization', `Bearer ${token}`);
const refresh = (refreshToken: string) => app.http().post('/api/auth/refresh').send({ refreshToken });

/** Both halves of a session work before the change and fail after it. */
async function expectEnded(username: string, change: () => Promise<unknown>) {
  const c = await app.as(username);
  expect((await me(c.token)).status).toBe(200);
  await change();
  const access = await me(c.token);
  expect([username, 'access', access.status]).toEqual([username, 'access', 401]);
  const renewed = await refresh(c.refreshToken);
  expect([username, 'refresh', renewed.status]).toEqual([username, 'refresh', 401]);
  expect(renewed.body.jwt).toBeUndefined();
}

describe('an admin ends every session of a member', () => {
  it('by resetting their password; the new password then logs in', async () => {
    await expectEnded('reset1', () => admin.post(`/api/crm/staff/${ids.reset1}/reset-password`, { password: 'brand-new-2026' }).expect(200));
    const again = await app.http().post('/api/auth/local').send({ identifier: 'reset1', password: 'brand-new-2026' });
    expect(again.status).toBe(200);
    expect((await me(again.body.jwt)).status).toBe(200);
  });

  it('by deactivating them', async () => {
    await expectEnded('gone1', () => admin.post(`/api/crm/staff/${ids.gone1}/deactivate`, {}).expect(200));
  });

  it('by changing their role (an unchanged role in the same edit ends nothing)', async () => {
    const c = await app.as('moved1');
    await admin.put(`/api/crm/staff/${ids.moved1}`, { role: 'sales', displayName: 'still sales' }).expect(200);
    expect((await me(c.token)).status).toBe(200);
    await expectEnded('moved1', () => admin.put(`/api/crm/staff/${ids.moved1}`, { role: 'reception' }).expect(200));
  });

  it('and leaves everybody else signed in', async () => {
    const other = await app.as('other1');
    await admin.post(`/api/crm/staff/${ids.reset1}/reset-password`, { password: 'second-new-2026' }).expect(200);
    expect((await me(other.token)).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
    expect((await me(admin.token)).status).toBe(200);
  });
});

describe('a member ends their own sessions', () => {
  it('logging out kills the access token, not only the refresh token', async () => {
    const c = await app.as('out1');
    const res = await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${c.token}`).send({ refreshToken: c.refreshToken });
    expect(res.status).toBe(200);
    expect((await me(c.token)).status).toBe(401);
    expect((await refresh(c.refreshToken)).status).toBe(401);
  });

  it('changing the password kills old tokens; the ones it answers with work', async () => {
    const c = await app.as('change1');
    const res = await app.http().post('/api/auth/change-password').set('Authorization', `Bearer ${c.token}`)
      .send({ currentPassword: PASSWORD, password: 'changed-pass-2026', passwordConfirmation: 'changed-pass-2026' });
    expect(res.status).toBe(200);
    expect((await me(c.token)).status).toBe(401);
    expect((await refresh(c.refreshToken)).status).toBe(401);
    expect((await me(res.body.jwt)).status).toBe(200);
    expect((await refresh(res.body.refreshToken)).status).toBe(200);
  });
});
