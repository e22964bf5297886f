// Each role sees its own menu and its own records in the staff UI: a consultant their own
// customers, a manager their store's, reception the visitors and leads it logged — and a page
// outside the role, typed in the address bar, says "no access" instead of showing data.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg } from '../helpers/org';
import { menuEntries, menuSections } from '../helpers/ui-pages';

let app: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  const org = await salesOrg(app); // 滨江店: manager, sales1, sales2
  const north = (await org.admin.post('/api/crm/departments', { name: '江北店' }).expect(201)).body.id;
  await app.staff('sales3', 'sales', { department: north, displayName: '江北顾问' });
  await app.staff('reception', 'reception', { department: org.ids.store, displayName: '前台小陈' });
  const [sales3, reception] = await Promise.all([app.as('sales3'), app.as('reception')]);

  await org.sales1.post('/api/crm/customers', { name: '顾问一的客户张先生', mobile: '13900000001' }).expect(201);
  await org.sales2.post('/api/crm/customers', { name: '顾问二的客户李女士', mobile: '13900000002' }).expect(201);
  await sales3.post('/api/crm/customers', { name: '江北店的客户王先生', mobile: '13900000003' }).expect(201);
  await org.sales1.post('/api/crm/leads', { subject: '顾问一的线索', mobile: '13900000004' }).expect(201);
  await reception.post('/api/crm/leads', { subject: '前台登记的线索', mobile: '13900000005' }).expect(201);
  await reception
    .post('/api/crm/visit-logs', { kind: 'walk-in', visitedAt: new Date().toISOString(), name: '到店的赵先生', partySize: 2 })
    .expect(201);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A fresh browser session (its own storage, so its own login) for `username`. */
async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, base, username, PASSWORD);
  return { context, page };
}

/** The rows of the list page at `path`, as text. */
async function rowsOf(page: Page, path: string): Promise<string> {
  await page.goto(`${base}/#${path}`);
  await page.locator('tbody tr').first().waitFor();
  return (await page.locator('tbody').textContent()) ?? '';
}

async function expectDenied(page: Page, path: string) {
  await page.goto(`${base}/#${path}`);
  await page.getByText('无权访问').first().waitFor();
}

it('a sales consultant sees the selling and follow-up menu, and only their own customers', async () => {
  const { context, page } = await signIn('sales1');
  await expect(menuEntries(page)).resolves.toEqual([
    '工作台', '线索', '客户', '公海', '久未跟进', '销售机会', '商机看板', '全部跟进', '今日跟进', '跟进日历',
  ]);
  await expect(menuSections(page)).resolves.toEqual(['销售', '跟进']);
  await page.getByTestId('stat-today').waitFor();
  await screenshot(page, 'roles-sales-dashboard');

  const customers = await rowsOf(page, '/customers');
  expect(customers).toContain('顾问一的客户张先生');
  expect(customers).not.toContain('顾问二的客户李女士');
  expect(customers).not.toContain('江北店的客户王先生');
  await screenshot(page, 'roles-sales-customers');

  const leads = await rowsOf(page, '/leads');
  expect(leads).toContain('顾问一的线索');
  expect(leads).not.toContain('前台登记的线索');

  await expectDenied(page, '/loss-requests');
  await expectDenied(page, '/visit-logs');
  await screenshot(page, 'roles-sales-denied');
  await context.close();
});

it('a sales manager also sees loss requests, the visitor log and the organisation, and the whole store', async () => {
  const { context, page } = await signIn('manager');
  await expect(menuEntries(page)).resolves.toEqual([
    '工作台', '线索', '客户', '公海', '久未跟进', '销售机会', '商机看板', '战败申请',
    '全部跟进', '今日跟进', '跟进日历', '客流登记', '投诉处理', '部门', '员工',
  ]);
  await expect(menuSections(page)).resolves.toEqual(['销售', '跟进', '前台', '客服', '组织架构']);
  await page.getByTestId('stat-loss').waitFor();
  await screenshot(page, 'roles-sales-manager-dashboard');

  const customers = await rowsOf(page, '/customers');
  expect(customers).toContain('顾问一的客户张先生');
  expect(customers).toContain('顾问二的客户李女士');
  expect(customers).not.toContain('江北店的客户王先生');
  await screenshot(page, 'roles-sales-manager-customers');

  // Configuration is read by everyone (pickers, chips) but only admins get its screens.
  await expectDenied(page, '/stages/create');
  await context.close();
});

it('reception sees the visitor log and the leads it logged, nothing of the sales pipeline', async () => {
  const { context, page } = await signIn('reception');
  await expect(menuEntries(page)).resolves.toEqual(['工作台', '线索', '客流登记']);
  await screenshot(page, 'roles-reception-dashboard');

  const visits = await rowsOf(page, '/visit-logs');
  expect(visits).toContain('到店的赵先生');
  await expect(page.getByRole('button', { name: '转为线索' }).count()).resolves.toBe(1);
  await screenshot(page, 'roles-reception-visit-logs');

  const leads = await rowsOf(page, '/leads');
  expect(leads).toContain('前台登记的线索');
  expect(leads).not.toContain('顾问一的线索');

  await expectDenied(page, '/customers');
  await expectDenied(page, '/kanban');
  await screenshot(page, 'roles-reception-denied');
  await context.close();
});
