// A consultant's working day on a phone (390×844): the lead list, a lead's page, 新建跟进 from it
// and completing that follow-up — each screen fits the width, in Chinese.
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg, type Org } from '../helpers/org';
import { toast } from '../helpers/ui-pages';

let app: TestApp;
let org: Org;
let browser: Browser;
let page: Page;
let base: string;
let leadId: number;

const fitsWidth = async () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  leadId = (await org.sales1.post('/api/crm/leads', { subject: '手机上跟进的线索', targetCustomer: '郑先生', mobile: '13900002222', source: '来电', level: 'H' }).expect(201)).body.id;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'UTC', isMobile: true, hasTouch: true });
  page = await context.newPage();
  await login(page, base, 'sales1', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('lists leads and opens one, within the phone width', async () => {
  await page.goto(`${base}/#/leads`);
  await page.getByText('手机上跟进的线索').first().waitFor();
  expect(await fitsWidth()).toBe(true);
  await screenshot(page, 'phone-lead-list');
  await page.getByText('手机上跟进的线索').first().click();
  await page.waitForURL((u) => u.hash.includes(`/leads/${leadId}/show`));
  await page.getByRole('heading', { name: '手机上跟进的线索' }).waitFor();
  expect(await fitsWidth()).toBe(true);
  await screenshot(page, 'phone-lead-page');
});

it('adds a follow-up from the lead page and completes it', async () => {
  await page.getByRole('link', { name: '新建跟进' }).click();
  await page.waitForURL((u) => u.hash.includes('/interactions/create'));
  await page.fill('input[name="subject"]', '电话约郑先生看房');
  await page.fill('input[name="start"]', '2026-12-04T15:00');
  expect(await fitsWidth()).toBe(true);
  await screenshot(page, 'phone-follow-up-create');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((u) => /#\/interactions\/\d+\/show/.test(u.hash));
  const id = Number(/interactions\/(\d+)/.exec(page.url())![1]);
  const created = (await org.sales1.get(`/api/crm/interactions/${id}`).expect(200)).body;
  expect(created).toMatchObject({ lead: leadId, start: '2026-12-04T07:00:00.000Z', state: 'planned' });

  await page.getByRole('button', { name: '完成跟进' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('textarea[name="outcome"]').fill('郑先生周六上午来看房');
  // it offers the next follow-up at the level's interval (H: 2 days), 10:00 on the CRM clock
  await expect(dialog.getByLabel('计划下一次跟进').isChecked()).resolves.toBe(true);
  const next = await dialog.locator('input[name="nextStart"]').inputValue();
  const shanghaiToday = new Date(Date.now() + 8 * 3600e3);
  const expected = new Date(Date.UTC(shanghaiToday.getUTCFullYear(), shanghaiToday.getUTCMonth(), shanghaiToday.getUTCDate() + 2, 10));
  expect(next).toBe(expected.toISOString().slice(0, 16));
  await screenshot(page, 'phone-follow-up-complete');
  await dialog.getByRole('button', { name: '确认' }).click();
  await toast(page, '完成跟进');
  expect((await org.sales1.get(`/api/crm/interactions/${id}`).expect(200)).body.state).toBe('done');
  const planned = (await org.sales1.get(`/api/crm/interactions?filter=${encodeURIComponent(JSON.stringify({ lead: leadId, state: 'planned' }))}`).expect(200)).body;
  expect(planned).toHaveLength(1);
  expect(planned[0].start).toBe(new Date(expected.getTime() - 8 * 3600e3).toISOString());
  expect(await fitsWidth()).toBe(true);
  await screenshot(page, 'phone-follow-up-done');
});
