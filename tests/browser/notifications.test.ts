// The bell: a consultant's reminder digest shows as an unread count in the app bar; the bell
// opens the list, 标为已读 marks it read and the count goes away. Admin sees the job runs list
// and keeps the holidays customers are greeted on.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg } from '../helpers/org';

let app: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  const org = await salesOrg(app);
  const customer = (await org.sales1.post('/api/crm/customers', { name: '铃铛客户', mobile: '13900000011' }).expect(201)).body.id;
  await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '逾期的回访', start: new Date(Date.now() - 86400000).toISOString(), customer }).expect(201);
  await org.admin.post('/api/crm/jobs/reminders/run').expect(200);
  await org.admin.post('/api/crm/jobs/dispatch/run').expect(200);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, base, username, PASSWORD);
  return { context, page };
}

it('shows the unread count on the bell, lists the notification and marks it read', async () => {
  const { context, page } = await signIn('sales1');
  const bell = page.getByTestId('notification-bell');
  await bell.getByText('1', { exact: true }).waitFor();
  await screenshot(page, 'notifications-bell');
  await bell.click();
  await page.getByText('逾期未跟进 1 项').waitFor();
  await page.getByText(/逾期的回访（铃铛客户）/).waitFor();
  await page.getByRole('button', { name: '标为已读' }).click();
  await page.getByText('已标为已读').waitFor();
  await page.getByRole('button', { name: '标为已读' }).waitFor({ state: 'detached' });
  // the bell follows without a reload
  await page.locator('[data-testid="notification-bell"][aria-label="通知（0 条未读）"]').waitFor();
  await screenshot(page, 'notifications-list');
  await context.close();
});

it('lists the job runs for admin, under 系统设置', async () => {
  const { context, page } = await signIn('admin');
  await page.getByRole('menuitem', { name: '任务运行记录' }).click();
  await page.locator('tbody tr').first().waitFor();
  const rows = (await page.locator('tbody').textContent()) ?? '';
  // job names, triggers and counts in Chinese, no server word left
  expect(rows).toContain('跟进提醒');
  expect(rows).toContain('发送消息');
  expect(rows).toContain('手动');
  expect(rows).toContain('已排队');
  expect(rows).not.toMatch(/reminders|dispatch|manual|queued|digests/);
  await screenshot(page, 'job-runs-list');
  await context.close();
});

it('lets admin keep the holiday list: shipped lunar festivals, and a statutory day added by hand', async () => {
  const { context, page } = await signIn('admin');
  await page.getByRole('menuitem', { name: '节日' }).click();
  const row = page.locator('tbody tr', { hasText: '2027-02-06' });
  await row.getByText('春节').waitFor();
  await row.getByText('农历节日').waitFor();
  await page.goto(`${base}/#/holidays/create`);
  await page.getByLabel('日期').fill('2031-10-01');
  await page.getByLabel('名称').fill('国庆节');
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('tbody tr', { hasText: '2031-10-01' }).getByText('国庆节').waitFor();
  await screenshot(page, 'holidays-list');
  await context.close();
});
