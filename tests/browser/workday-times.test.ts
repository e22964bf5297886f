// One time rule everywhere: a date-time typed in the staff UI means the CRM's time zone
// (Asia/Shanghai), whatever the browser's. The same follow-up typed in a browser set to UTC and
// in one set to Asia/Shanghai stores the same instant and shows 17:30 in both; a visit logged at
// 10:00 likewise; an end before its start is refused, in Chinese.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg, type Org } from '../helpers/org';

let app: TestApp;
let org: Org;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  await app.staff('reception', 'reception', { department: org.ids.store, displayName: '前台小陈' });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(timezoneId: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId });
  const page = await context.newPage();
  await login(page, base, username, PASSWORD);
  return { context, page };
}

async function typeFollowUp(page: Page, subject: string, start: string, end?: string) {
  await page.goto(`${base}/#/interactions/create`);
  await page.fill('input[name="subject"]', subject);
  await page.fill('input[name="start"]', start);
  if (end) await page.fill('input[name="end"]', end);
  await page.getByRole('button', { name: '保存' }).click();
}

it.each(['UTC', 'Asia/Shanghai'])('a follow-up typed for 17:30 in a browser set to %s is stored as 09:30 UTC and shown as 17:30', async (zone) => {
  const { context, page } = await signedIn(zone, 'sales1');
  const subject = `电话回访（浏览器时区 ${zone}）`;
  await typeFollowUp(page, subject, '2026-12-03T17:30');
  await page.waitForURL((u) => /#\/interactions\/\d+\/show/.test(u.hash));
  const id = Number(/interactions\/(\d+)/.exec(page.url())![1]);
  const stored = (await org.sales1.get(`/api/crm/interactions/${id}`).expect(200)).body;
  expect(stored.start).toBe('2026-12-03T09:30:00.000Z');
  const shown = await page.getByText('2026/12/03 17:30').first().textContent();
  expect(shown).toContain('17:30');
  // the edit form reads it back as 17:30 too
  await page.goto(`${base}/#/interactions/${id}`);
  await expect(page.inputValue('input[name="start"]')).resolves.toBe('2026-12-03T17:30');
  await screenshot(page, `times-follow-up-edit-${zone.replace('/', '-')}`);
  await context.close();
});

it('a visit logged at 10:00 by reception in a UTC browser is 10:00 in Shanghai', async () => {
  const { context, page } = await signedIn('UTC', 'reception');
  await page.goto(`${base}/#/visit-logs/create`);
  await page.fill('input[name="visitedAt"]', '2026-12-03T10:00');
  await page.fill('input[name="name"]', '时区测试访客');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((u) => /#\/visit-logs\/\d+/.test(u.hash));
  const list = (await (await app.as('reception')).get('/api/crm/visit-logs').expect(200)).body;
  expect(list.find((v: any) => v.name === '时区测试访客').visitedAt).toBe('2026-12-03T02:00:00.000Z');
  await page.getByText('2026/12/03 10:00').first().waitFor();
  await screenshot(page, 'times-visit-log');
  await context.close();
});

it('refuses an end before its start, saying so in Chinese', async () => {
  const { context, page } = await signedIn('UTC', 'sales1');
  await typeFollowUp(page, '看房（结束早于开始）', '2026-12-03T17:30', '2026-12-03T16:00');
  // under the end input, in Chinese, and nothing was saved
  const message = page.getByText('结束时间不能早于开始时间').first();
  await message.waitFor();
  expect(page.url()).toContain('/interactions/create');
  expect(await page.locator('form').textContent()).not.toMatch(/before|start|end:/i);
  await screenshot(page, 'times-end-before-start');
  await context.close();
});

it('follows the configured zone, not a fixed one: with the CRM set to Asia/Tokyo, 17:30 typed is 08:30 UTC and shown as 17:30', async () => {
  const rowOf = async () =>
    (await org.admin.get(`/api/crm/settings?filter=${encodeURIComponent(JSON.stringify({ key: 'timezone' }))}`).expect(200)).body[0];
  const row = await rowOf();
  await org.admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify('Asia/Tokyo') }).expect(200);
  try {
    const { context, page } = await signedIn('UTC', 'sales1');
    await typeFollowUp(page, '电话回访（东京时区）', '2026-12-04T17:30');
    await page.waitForURL((u) => /#\/interactions\/\d+\/show/.test(u.hash));
    const id = Number(/interactions\/(\d+)/.exec(page.url())![1]);
    expect((await org.sales1.get(`/api/crm/interactions/${id}`).expect(200)).body.start).toBe('2026-12-04T08:30:00.000Z');
    await page.getByText('2026/12/04 17:30').first().waitFor();
    // the list shows it at 17:30 too (a Shanghai-fixed UI would say 16:30)
    await page.goto(`${base}/#/interactions`);
    await page.getByText('2026/12/04 17:30').first().waitFor();
    expect(await page.getByText('2026/12/04 16:30').count()).toBe(0);
    await context.close();
  } finally {
    await org.admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify('Asia/Shanghai') }).expect(200);
  }
});

it('My account: a consultant changes their name, mobile, email reminders and password, and keeps working', async () => {
  await org.sales2.post('/api/crm/leads', { subject: '王小二跟进的线索' }).expect(201);
  const { context, page } = await signedIn('UTC', 'sales2');
  await page.locator('button[aria-label="个人信息"]').click();
  await page.getByTestId('account-menu').click();
  await page.waitForURL((u) => u.hash.startsWith('#/account'));
  await page.fill('input[name="displayName"]', '王小二');
  await page.fill('input[name="mobile"]', '13900007777');
  await page.getByLabel('邮件提醒').uncheck();
  await screenshot(page, 'account-page');
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('.MuiSnackbarContent-message', { hasText: '个人资料已保存' }).waitFor();
  expect((await org.sales2.get('/api/crm/me').expect(200)).body).toMatchObject({ displayName: '王小二', mobile: '13900007777', notifyByEmail: false });
  await page.locator('header').getByText('王小二').waitFor(); // the top bar says who is signed in

  // a wrong current password is refused in Chinese; the right one changes it and the session goes on
  await page.fill('input[name="currentPassword"]', 'not-my-password');
  await page.fill('input[name="password"]', 'new-pass-2026x');
  await page.fill('input[name="passwordConfirmation"]', 'new-pass-2026x');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.locator('.MuiSnackbarContent-message', { hasText: '当前密码不正确' }).waitFor();
  expect(await page.locator('.MuiSnackbarContent-message').last().textContent()).not.toMatch(/[a-z]{4,}/i);
  // While the answer is on its way the old tokens are already ended: what the page fetches
  // meanwhile (here: everything on screen, refetched as when the window regains focus) is refused
  // with them, and must wait for the new ones rather than end the session.
  const refused: string[] = [];
  page.on('response', (r) => { if (r.status() === 401) refused.push(r.url()); });
  await page.route('**/api/auth/change-password', async (route) => {
    const answer = await route.fetch();
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    for (let i = 0; i < 200 && !refused.length; i += 1) await page.waitForTimeout(100);
    await route.fulfill({ response: answer });
  });
  await page.fill('input[name="currentPassword"]', PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.locator('.MuiSnackbarContent-message', { hasText: '密码已修改' }).waitFor();
  await page.unroute('**/api/auth/change-password');
  expect(refused.length).toBeGreaterThan(0); // the race happened
  await screenshot(page, 'account-password-changed');
  await page.goto(`${base}/#/leads`);
  await page.getByText('王小二跟进的线索').waitFor(); // still signed in: the list answers the new tokens
  expect(page.url()).not.toContain('login');
  const res = await app.http().post('/api/auth/local').send({ identifier: 'sales2', password: 'new-pass-2026x' });
  expect(res.status).toBe(200);
  await context.close();
});
