// A consultant logs in, creates a lead and finds it in the list — in Chinese.
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';

let app: TestApp;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  await app.staff('sales1', 'sales', { displayName: '张伟' });
  await app.staff('sales2', 'sales', { displayName: '刘芳' });
  const other = await app.as('sales2');
  await other.post('/api/crm/leads', { subject: '别人的线索', mobile: '13911112222' }).expect(201);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('sales1 logs in, creates a lead and sees it in the list, in Chinese', async () => {
  await page.goto(base + '/');
  await page.waitForSelector('input[name="username"]');
  await screenshot(page, 'login');
  await login(page, base, 'sales1', PASSWORD);

  await page.goto(`${base}/#/leads/create`);
  await page.fill('input[name="subject"]', '陈女士咨询滨江壹号三居');
  await page.fill('input[name="targetCustomer"]', '陈女士');
  await page.fill('input[name="mobile"]', '13812345678');
  await page.getByRole('combobox', { name: '认知途径' }).click();
  await page.getByRole('option', { name: '来电', exact: true }).click();
  await screenshot(page, 'lead-create');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((u) => /#\/leads\/\d+/.test(u.hash));

  await page.goto(`${base}/#/leads`);
  const row = page.locator('tbody tr', { hasText: '陈女士咨询滨江壹号三居' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('13812345678');
  await expect(row.textContent()).resolves.toContain('跟进中');
  // The menu and column headers are in Chinese; a colleague's lead is not listed.
  const body = await page.textContent('body');
  expect(body).toContain('线索');
  expect(body).toContain('主题');
  expect(body).not.toContain('别人的线索');
  await screenshot(page, 'lead-list');
});

it('a reload of the list asks for its page once, alongside /me, and shows what the server has now', async () => {
  // created behind the page's back: the reload must show it (the early request is not a stale cache)
  const me = await app.as('sales1');
  await page.goto(`${base}/#/leads`);
  await page.locator('tbody tr').first().waitFor();
  await me.post('/api/crm/leads', { subject: '刷新前刚录入的线索' }).expect(201);
  const asked: { url: string; at: number }[] = [];
  let meAnswered = Infinity;
  const onRequest = (r: import('playwright-core').Request) => {
    if (/\/api\/crm\/leads\?/.test(r.url())) asked.push({ url: r.url(), at: Date.now() });
  };
  const onResponse = (r: import('playwright-core').Response) => {
    if (r.url().endsWith('/api/crm/me')) meAnswered = Math.min(meAnswered, Date.now());
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  await page.reload();
  await page.locator('tbody tr', { hasText: '刷新前刚录入的线索' }).waitFor();
  await page.waitForTimeout(300); // a second request for the same page would have gone by now
  page.off('request', onRequest);
  page.off('response', onResponse);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.at).toBeLessThanOrEqual(meAnswered);
  expect(decodeURIComponent(asked[0]!.url)).toContain('sort=["createdAt","DESC"]');
});
