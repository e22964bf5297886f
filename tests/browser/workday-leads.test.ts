// The lead side of a working day, in the staff UI: reception turns a walk-in into a lead that
// lands with a consultant; a mobile that already belongs to a customer is said out loud (撞单)
// in the lead form, the visit log and the 转线索 dialog; 认知途径/跟进级别 are pickers of the
// configured lists; a manager bulk-assigns three leads and the consultant sees them.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg, type Org } from '../helpers/org';
import { eventually, toast } from '../helpers/ui-pages';

let app: TestApp;
let org: Org;
let reception: Client;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app); // 滨江店: manager, sales1, sales2 (display names = usernames)
  await app.staff('reception', 'reception', { department: org.ids.store, displayName: '前台小陈' });
  reception = await app.as('reception');
  // sales1's customer 陈女士, whose mobile comes back later
  await org.sales1.post('/api/crm/customers', { name: '陈女士', mobile: '13812343525' }).expect(201);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(username: string, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  await login(page, base, username, PASSWORD);
  return { context, page };
}

/** 添加筛选 › `label`: the list's filter menu. */
async function addFilter(page: Page, label: string) {
  await page.getByRole('button', { name: '添加筛选' }).click();
  await page.locator('.MuiMenu-list li').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

const leadsOf = async (client: Client) => (await client.get('/api/crm/leads?range=[0,99]').expect(200)).body as any[];

it('reception turns a walk-in into a lead for the consultant it picks; the consultant sees it', async () => {
  const visit = (await reception.post('/api/crm/visit-logs', { kind: 'walk-in', visitedAt: '2026-12-01T10:00', name: '孙先生', mobile: '13900001111', product: '滨江壹号' }).expect(201)).body;
  const { context, page } = await signedIn('reception');
  await page.goto(`${base}/#/visit-logs/${visit.id}/show`);
  await page.getByRole('button', { name: '转为线索' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('不选择时，线索按部门轮流分配给下一位销售顾问。').waitFor();
  await dialog.getByRole('combobox').click();
  // only consultants and the manager of the store: never reception itself
  const options = (await page.getByRole('option').allTextContents()).map((t) => t.trim());
  expect(options).toEqual(expect.arrayContaining(['sales1', 'sales2', 'manager']));
  expect(options).not.toContain('前台小陈');
  await screenshot(page, 'walk-in-to-lead-dialog');
  await page.getByRole('option', { name: 'sales2', exact: true }).click();
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.waitForURL((u) => /#\/leads\/\d+\/show/.test(u.hash));
  await page.getByText('sales2').first().waitFor();
  await screenshot(page, 'walk-in-lead-page');
  await context.close();

  const lead = (await leadsOf(org.sales2)).find((l) => l.subject.includes('孙先生'));
  expect(lead).toBeDefined();
  expect(lead.owner).toBe(org.ids.sales2);
  const consultant = await signedIn('sales2');
  await consultant.page.goto(`${base}/#/leads`);
  await consultant.page.locator('tbody tr', { hasText: '孙先生到访咨询滨江壹号' }).waitFor();
  await consultant.context.close();
});

it('撞单: the lead form, the visit log and the 转线索 dialog say whose customer a mobile is', async () => {
  // sales2 may not see sales1's customer: the name is masked, no link
  const { context, page } = await signedIn('sales2');
  await page.goto(`${base}/#/leads/create`);
  await page.fill('input[name="subject"]', '陈女士再次咨询');
  await page.fill('input[name="mobile"]', '13812343525');
  const notice = page.getByTestId('mobile-owner-notice');
  await expect(notice.textContent()).resolves.toContain('手机号 13812343525 已是sales1的客户：陈**');
  expect(await notice.locator('a').count()).toBe(0);
  await screenshot(page, 'duplicate-lead-form');
  await context.close();

  // the owner sees the real name with a link to the customer
  const own = await signedIn('sales1');
  await own.page.goto(`${base}/#/leads/create`);
  await own.page.fill('input[name="mobile"]', '138 1234 3525');
  await own.page.getByTestId('mobile-owner-notice').getByRole('link', { name: '陈女士' }).waitFor();
  await own.context.close();

  // reception logging the returning customer is warned too, and the 转线索 dialog repeats it
  const desk = await signedIn('reception');
  await desk.page.goto(`${base}/#/visit-logs/create`);
  await desk.page.fill('input[name="name"]', '陈女士');
  await desk.page.fill('input[name="mobile"]', '13812343525');
  await expect(desk.page.getByTestId('mobile-owner-notice').textContent()).resolves.toContain('已是sales1的客户：陈**');
  await screenshot(desk.page, 'duplicate-visit-log-form');
  await desk.page.getByRole('button', { name: '保存' }).click();
  await desk.page.waitForURL((u) => /#\/visit-logs\/\d+\/show/.test(u.hash));
  await desk.page.getByRole('button', { name: '转为线索' }).click();
  await expect(desk.page.getByRole('dialog').getByTestId('mobile-owner-notice').textContent()).resolves.toContain('sales1');
  await desk.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await desk.page.waitForURL((u) => /#\/leads\/\d+\/show/.test(u.hash));
  await desk.context.close();

  // with no consultant picked, the lead went to the customer's owner, who got a notice
  const lead = (await leadsOf(org.sales1)).find((l) => l.mobile === '13812343525');
  expect(lead?.owner).toBe(org.ids.sales1);
  const customer = (await org.sales1.get('/api/crm/customers?filter={"mobile":"13812343525"}').expect(200)).body[0];
  const trail = await eventually(
    async () => (await org.sales1.get(`/api/crm/audit-events?filter=${encodeURIComponent(JSON.stringify({ resource: 'customers', recordId: customer.id }))}`).expect(200)).body,
    (events: any[]) => events.some((e) => e.action === 'duplicate'),
  );
  expect(trail.length).toBeGreaterThan(0);
});

it('认知途径 and 跟进级别 are pickers of the configured lists', async () => {
  const { context, page } = await signedIn('sales1');
  await page.goto(`${base}/#/leads/create`);
  await page.fill('input[name="subject"]', '网络来的线索');
  await page.getByRole('combobox', { name: '认知途径' }).click();
  const sources = (await page.getByRole('option').allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(sources).toEqual(expect.arrayContaining(['来电', '到访', '网络', '老客户推荐']));
  await page.getByRole('option', { name: '网络', exact: true }).click();
  await page.getByRole('combobox', { name: '跟进级别' }).click();
  await page.getByRole('option', { name: /^A级/ }).click();
  await screenshot(page, 'lead-create-pickers');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((u) => /#\/leads\/\d+\/show/.test(u.hash));
  const lead = (await leadsOf(org.sales1)).find((l) => l.subject === '网络来的线索');
  expect(lead).toMatchObject({ source: '网络', level: 'A' });
  await context.close();
});

it('a manager bulk-assigns three leads from the list and the consultant sees them', async () => {
  const subjects = ['批量分配甲', '批量分配乙', '批量分配丙'];
  for (const subject of subjects) await org.manager.post('/api/crm/leads', { subject }).expect(201);
  const { context, page } = await signedIn('manager');
  await page.goto(`${base}/#/leads`);
  for (const subject of subjects) {
    await page.locator('tbody tr', { hasText: subject }).locator('input[type="checkbox"]').check();
  }
  await page.getByText('已选择 3 项').waitFor();
  await page.locator('[data-action="bulk-assign"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('分配 3 条记录').waitFor();
  await dialog.getByRole('combobox').click();
  const options = (await page.getByRole('option').allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(options).not.toContain('前台小陈');
  await page.getByRole('option', { name: 'sales1', exact: true }).click();
  await screenshot(page, 'leads-bulk-assign-dialog');
  await dialog.getByRole('button', { name: '确认' }).click();
  await toast(page, '已分配 3 条记录');
  await screenshot(page, 'leads-bulk-assigned');
  await context.close();

  const consultant = await signedIn('sales1');
  await consultant.page.goto(`${base}/#/leads`);
  await consultant.page.getByTestId('saved-views').getByText('我负责的').click();
  for (const subject of subjects) await consultant.page.locator('tbody tr', { hasText: subject }).waitFor();
  // the view is kept for this user: back on the list, it is still 我负责的
  await consultant.page.goto(`${base}/#/`);
  await consultant.page.goto(`${base}/#/leads`);
  await expect(consultant.page.getByTestId('saved-views').getByRole('button', { name: '我负责的' }).getAttribute('aria-pressed')).resolves.toBe('true');
  await screenshot(consultant.page, 'leads-consultant-sees-assigned');
  await consultant.context.close();
  const mine = await leadsOf(org.sales1);
  expect(mine.filter((l) => subjects.includes(l.subject)).every((l) => l.owner === org.ids.sales1)).toBe(true);
});

it('a manager filters leads by 负责人 and level, and bulk-closes two with one reason', async () => {
  const a = (await org.sales2.post('/api/crm/leads', { subject: '筛选乙的A级线索', level: 'A' }).expect(201)).body;
  const b = (await org.sales2.post('/api/crm/leads', { subject: '筛选乙的B级线索', level: 'B' }).expect(201)).body;
  await org.sales1.post('/api/crm/leads', { subject: '筛选甲的A级线索', level: 'A' }).expect(201);
  const { context, page } = await signedIn('manager');
  await page.goto(`${base}/#/leads`);
  await page.getByTestId('saved-views').getByText('全部').click();
  await page.locator('tbody tr', { hasText: '筛选甲的A级线索' }).waitFor();
  // 负责人 = sales2, from the assignee picker (added with 添加筛选)
  await addFilter(page, '负责人');
  await page.getByRole('combobox', { name: '负责人' }).click();
  await page.getByRole('option', { name: 'sales2', exact: true }).click();
  await page.locator('tbody tr', { hasText: '筛选甲的A级线索' }).waitFor({ state: 'detached' });
  await page.locator('tbody tr', { hasText: '筛选乙的B级线索' }).waitFor();
  // the level filter narrows it further
  await addFilter(page, '跟进级别');
  await page.getByRole('combobox', { name: '跟进级别' }).click();
  await page.getByRole('option').filter({ hasText: /^A/ }).first().click();
  await page.locator('tbody tr', { hasText: '筛选乙的B级线索' }).waitFor({ state: 'detached' });
  await page.locator('tbody tr', { hasText: '筛选乙的A级线索' }).waitFor();
  await screenshot(page, 'leads-filtered-owner-level');
  // a saved view replaces the owner part only: 全部 keeps the level filter
  await page.getByTestId('saved-views').getByText('全部').click();
  await page.locator('tbody tr', { hasText: '筛选甲的A级线索' }).waitFor();
  await page.locator('tbody tr', { hasText: '筛选乙的A级线索' }).waitFor();
  expect(await page.locator('tbody tr', { hasText: '筛选乙的B级线索' }).count()).toBe(0);
  expect(await page.getByTestId('saved-views').getByRole('button', { name: '全部' }).getAttribute('aria-pressed')).toBe('true');

  // bulk 关闭: both of sales2's leads, one reason for all
  await page.goto(`${base}/#/leads?filter=${encodeURIComponent(JSON.stringify({ owner: org.ids.sales2 }))}`);
  for (const subject of ['筛选乙的A级线索', '筛选乙的B级线索']) {
    await page.locator('tbody tr', { hasText: subject }).locator('input[type="checkbox"]').check();
  }
  await page.getByText('已选择 2 项').waitFor();
  await page.locator('[data-action="bulk-close"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('关闭 2 条记录').waitFor();
  await dialog.getByRole('combobox').click();
  await page.getByRole('option').first().click();
  await screenshot(page, 'leads-bulk-close-dialog');
  await dialog.getByRole('button', { name: '确认' }).click();
  await toast(page, '已处理 2 条记录');
  const closed = (await leadsOf(org.manager)).filter((l) => l.id === a.id || l.id === b.id);
  expect(closed.map((l) => l.status)).toEqual(['disqualified', 'disqualified']);
  expect(closed.every((l) => typeof l.closeReason === 'string' && l.closeReason.length > 0)).toBe(true);
  await context.close();
});
