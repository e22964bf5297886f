// The bell: a consultant's reminder digest shows as an unread count in the app bar; the bell
// opens the list, 标为已读 marks it read and the count goes away. Admin sees the job runs list
// and keeps the holidays customers are greeted on. Marketing previews a campaign (群发): who
// gets it, who is skipped and why; admin, and the customer's consultant, read a customer's
// messages on the customer's page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg } from '../helpers/org';

let app: TestApp;
let browser: Browser;
let base: string;
let campaignCustomer: number;
let mkt: import('../helpers/app').Client;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  const org = await salesOrg(app);
  const customer = (await org.sales1.post('/api/crm/customers', { name: '铃铛客户', mobile: '13900000011' }).expect(201)).body.id;
  await org.sales1.post('/api/crm/interactions', { kind: 'phone', subject: '逾期的回访', start: new Date(Date.now() - 86400000).toISOString(), customer }).expect(201);
  await org.admin.post('/api/crm/jobs/reminders/run').expect(200);
  await org.admin.post('/api/crm/jobs/dispatch/run').expect(200);
  await app.staff('mkt', 'marketing');
  mkt = await app.as('mkt');
  campaignCustomer = (await org.sales1.post('/api/crm/customers', { name: '群发客户', gender: 'female', mobile: '13900000012', level: 'B' }).expect(201)).body.id;
  await org.sales1.post('/api/crm/customers', { name: '没有手机', email: 'nomobile@test.local', level: 'B' }).expect(201);
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

it('lets marketing preview a campaign: how many get it, who is skipped and why, a sample', async () => {
  const created = (await mkt.post('/api/crm/campaigns', { name: 'B级客户回馈', channel: 'sms', template: '{{salutation}}您好，本周六样板间开放', filter: { level: 'B' } }).expect(201)).body;
  const { context, page } = await signIn('mkt');
  await page.getByRole('menuitem', { name: '群发' }).click();
  await page.locator('tbody tr', { hasText: 'B级客户回馈' }).getByText('草稿').click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByTestId('campaign-recipients').getByText('2 位客户中 1 位将收到，跳过 1 位').waitFor();
  await page.getByTestId('campaign-sample').getByText('群发客户女士您好，本周六样板间开放').waitFor();
  await page.getByTestId('campaign-skipped').getByText('没有手机：无手机号').waitFor();
  await screenshot(page, 'campaign-preview');
  // scheduled and queued: the customer's page shows the message, for admin
  await mkt.post(`/api/crm/campaigns/${created.id}/schedule`, { sendAt: new Date().toISOString() }).expect(200);
  await context.close();
  const admin = await app.as('admin');
  await admin.post('/api/crm/jobs/campaigns/run').expect(200);
  const a = await signIn('admin');
  await a.page.goto(`${base}/#/campaigns/${created.id}/show`);
  await a.page.getByText('已排队 1').waitFor();
  await a.page.getByText('无手机号 1').waitFor();
  await screenshot(a.page, 'campaign-counts');
  await a.page.goto(`${base}/#/customers/${campaignCustomer}/show/messages`);
  const row = a.page.locator('tbody tr', { hasText: '本周六样板间开放' });
  await row.getByText('群发', { exact: true }).waitFor();
  await row.getByText('待发送', { exact: true }).waitFor();
  expect((await a.page.locator('tbody').textContent()) ?? '').not.toMatch(/campaign|queued|sms/);
  await screenshot(a.page, 'customer-messages');
  await a.context.close();
});

it('shows a consultant the messages of own customers on the customer page (消息记录)', async () => {
  const { context, page } = await signIn('sales1');
  await page.goto(`${base}/#/customers/${campaignCustomer}/show/messages`);
  const row = page.locator('tbody tr', { hasText: '本周六样板间开放' });
  await row.getByText('群发', { exact: true }).waitFor();
  await row.getByText('待发送', { exact: true }).waitFor();
  await screenshot(page, 'msg-customer-messages-consultant');
  await context.close();
});
