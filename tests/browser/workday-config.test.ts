// Configuration in use is archived, not deleted: an admin who deletes the stage 首次来访 while
// opportunities sit in it is refused, in Chinese, with how many records use it; archiving it
// hides it from the stage picker while the opportunity keeps showing it. Stages are reordered by
// drag and drop (the keyboard path of the library), saved with their versions, and the Kanban follows.
import type { Browser, Page } from 'playwright-core';
import { bootApp, listQuery, PASSWORD, type TestApp } from '../helpers/app';
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

it('reorders stages by keyboard drag: the order persists, is audited, and the Kanban follows', async () => {
  const before = (await org.admin.get('/api/crm/stages').expect(200)).body as any[];
  const third = before.find((s) => s.name === '三次来访');
  const subscribe = before.find((s) => s.name === '认购');
  const rowNames = async () => (await page.locator('tr[data-stage]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage'))));
  await page.goto(`${base}/#/stages`);
  await page.getByText('拖动左侧手柄调整阶段顺序').waitFor();
  const namesBefore = await rowNames();
  expect(namesBefore.indexOf('认购')).toBe(namesBefore.indexOf('三次来访') + 1);
  // the library's keyboard path: space lifts, an arrow moves one place, space drops
  await page.getByLabel('拖动“认购”调整顺序').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await toast(page, '阶段顺序已保存');
  await page.reload();
  await page.getByText('拖动左侧手柄调整阶段顺序').waitFor();
  await page.locator('tr[data-stage]').first().waitFor();
  const namesAfter = await rowNames();
  expect(namesAfter.indexOf('认购')).toBe(namesAfter.indexOf('三次来访') - 1);
  expect(namesAfter.filter((n) => n !== '认购' && n !== '三次来访')).toEqual(namesBefore.filter((n) => n !== '认购' && n !== '三次来访'));
  await screenshot(page, 'stages-order-after-drag');

  // saved through the normal update: versioned and audited
  const after = (await org.admin.get('/api/crm/stages').expect(200)).body as any[];
  const moved = after.find((s) => s.id === subscribe.id);
  expect(moved.order).toBeLessThan(after.find((s) => s.id === third.id).order);
  expect(moved.version).toBe(subscribe.version + 1);
  const trail = (await org.admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'stages', recordId: subscribe.id }, sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body;
  expect(trail.filter((e: any) => e.field === 'order').at(-1)).toMatchObject({ action: 'update', from: subscribe.order, to: moved.order });
  const stale = await org.admin.put(`/api/crm/stages/${subscribe.id}`, { order: 5, version: subscribe.version }).expect(409);
  expect(stale.body.error.details.code).toBe('version_conflict');

  await page.goto(`${base}/#/kanban`);
  await page.locator('[data-testid="kanban-column"]').first().waitFor();
  const columns = await page.locator('[data-testid="kanban-column"]').evaluateAll((cols) => cols.map((c) => Number(c.getAttribute('data-stage'))));
  expect(columns.indexOf(subscribe.id)).toBeGreaterThanOrEqual(0);
  expect(columns.indexOf(subscribe.id)).toBe(columns.indexOf(third.id) - 1);
  // the archived 首次来访 keeps its opportunities in its own column, never under 未设阶段
  await expect(page.locator(`[data-testid="kanban-column"][data-stage="${first.id}"]`).textContent()).resolves.toContain('首次来访 · 已归档');
  await expect(page.getByText('未设阶段').count()).resolves.toBe(0);
  await screenshot(page, 'stages-order-kanban');
});
