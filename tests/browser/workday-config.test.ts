// Configuration in use is archived, not deleted: an admin who deletes the stage 首次来访 while
// opportunities sit in it is refused, in Chinese, with how many records use it; archiving it
// hides it from the stage picker while the opportunity keeps showing it.
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { newOpportunity, salesOrg, type Org } from '../helpers/org';
import { toast } from '../helpers/ui-pages';

let app: TestApp;
let org: Org;
let browser: Browser;
let page: Page;
let base: string;
let first: { id: number; name: string };
let opportunityId: number;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  first = (await org.admin.get('/api/crm/stages').expect(200)).body.find((s: any) => s.name === '首次来访');
  for (let i = 0; i < 2; i++) opportunityId = (await newOpportunity(org.sales1, { stage: first.id })).id;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  page = await context.newPage();
  await login(page, base, 'admin', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('refuses to delete a stage in use, in Chinese, and keeps it', async () => {
  await page.goto(`${base}/#/stages/${first.id}`);
  await page.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: '确认' }).click();
  const text = await toast(page, '已被 2 条记录使用');
  expect(text).toContain('“首次来访”已被 2 条记录使用，不能删除，请改为停用（归档）。');
  await screenshot(page, 'config-stage-delete-refused');
  await org.admin.get(`/api/crm/stages/${first.id}`).expect(200);
});

it('archives it: gone from the stage picker, still on the opportunity', async () => {
  await page.goto(`${base}/#/stages/${first.id}`);
  await page.getByLabel('启用').uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((u) => u.hash.startsWith('#/stages') && !/stages\/\d+/.test(u.hash));
  expect((await org.admin.get(`/api/crm/stages/${first.id}`).expect(200)).body.active).toBe(false);
  await screenshot(page, 'config-stage-archived-list');

  await page.goto(`${base}/#/opportunities/${opportunityId}/show`);
  await page.getByText('首次来访').first().waitFor();
  await page.goto(`${base}/#/opportunities/create`);
  await page.getByRole('combobox', { name: /阶段/ }).click();
  const options = (await page.getByRole('option').allTextContents()).map((t) => t.trim());
  expect(options.some((o) => o.startsWith('二次来访'))).toBe(true);
  expect(options.some((o) => o.startsWith('首次来访'))).toBe(false);
  await screenshot(page, 'config-stage-picker-without-archived');
});
