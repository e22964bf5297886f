// The opportunity page's stage path (阶段推进): one click moves the stage through the server's
// move rule; reaching 签约 suggests 赢单, and winning from there works.
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { newOpportunity, salesOrg, type Org } from '../helpers/org';
import { eventually, toast } from '../helpers/ui-pages';

let app: TestApp;
let org: Org;
let browser: Browser;
let page: Page;
let base: string;
let stages: Array<{ id: number; name: string }>;
let opportunityId: number;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  stages = (await org.sales1.get('/api/crm/stages?sort=["order","ASC"]').expect(200)).body;
  opportunityId = (await newOpportunity(org.sales1, { stage: stages[0].id })).id;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  page = await context.newPage();
  await login(page, base, 'sales1', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const stageOf = async () => (await org.sales1.get(`/api/crm/opportunities/${opportunityId}`).expect(200)).body;

it('moves the stage in one click and suggests 赢单 at 签约', async () => {
  await page.goto(`${base}/#/opportunities/${opportunityId}/show`);
  const path = page.getByTestId('stage-path');
  await path.getByText('首次来访（10%）').waitFor();
  await screenshot(page, 'opportunity-stage-path');
  await path.getByText('二次来访（30%）').click();
  await toast(page, '已推进到二次来访');
  await eventually(stageOf, (o) => o.stage === stages[1].id);

  await path.getByText('签约（100%）').click();
  await eventually(stageOf, (o) => o.stage === stages[4].id);
  const suggestion = page.getByText('已到“签约”阶段，是否标记为赢单？');
  await suggestion.waitFor();
  await screenshot(page, 'opportunity-signed-suggests-win');
  await page.getByRole('alert').getByRole('button', { name: '赢单' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await eventually(stageOf, (o) => o.status === 'won');
  await page.getByTestId('stage-path').waitFor();
  await screenshot(page, 'opportunity-won');
});

it('the main lists: amounts in 万, saved views on every list, follow-ups nearest first', async () => {
  await newOpportunity(org.sales1, { name: '万元显示测试', estimatedValue: 1280000 });
  await page.goto(`${base}/#/opportunities`);
  const row = page.locator('tbody tr', { hasText: '万元显示测试' });
  await row.waitFor();
  await row.getByText('¥128万').waitFor();
  expect(await page.getByTestId('saved-views').textContent()).toBe('我负责的全部今日新增');
  await screenshot(page, 'lists-opportunities-wan');

  await page.goto(`${base}/#/customers`);
  await page.getByTestId('saved-views').getByText('公海').waitFor();
  expect(await page.getByTestId('saved-views').textContent()).toBe('我负责的全部公海今日新增');
  await screenshot(page, 'lists-customers-views');

  // two planned follow-ups, the later one created first: the list shows the nearer one on top
  const customer = (await org.sales1.get('/api/crm/customers?range=[0,0]').expect(200)).body[0];
  for (const [subject, start] of [['较远的回访', '2027-01-20T02:00:00.000Z'], ['较近的回访', '2027-01-10T02:00:00.000Z']]) {
    await org.sales1.post('/api/crm/interactions', { subject, start, kind: 'phone', customer: customer.id }).expect(201);
  }
  await org.sales1.post('/api/crm/interactions', { subject: '已完成的旧回访', start: '2026-11-01T02:00:00.000Z', kind: 'phone', customer: customer.id }).expect(201)
    .then((r) => org.sales1.post(`/api/crm/interactions/${r.body.id}/complete`, { outcome: '已沟通' }).expect(200));
  await page.goto(`${base}/#/interactions`);
  await page.locator('tbody tr', { hasText: '较远的回访' }).waitFor();
  const subjects = (await page.locator('tbody tr').allTextContents()).map((t) => (t.includes('较近') ? 'near' : t.includes('较远') ? 'far' : t.includes('已完成的旧回访') ? 'done' : 'other'));
  expect(subjects.filter((s) => s !== 'other')).toEqual(['near', 'far']); // planned only, nearest first
  expect(await page.getByTestId('saved-views').textContent()).toBe('我负责的全部今日新增');
  await screenshot(page, 'lists-interactions-nearest-first');

  const manager = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const mpage = await manager.newPage();
  await login(mpage, base, 'manager', PASSWORD);
  await mpage.goto(`${base}/#/customers`);
  expect(await mpage.getByTestId('saved-views').textContent()).toBe('我负责的下属的全部公海今日新增');
  await mpage.getByTestId('saved-views').getByText('下属的').click();
  await mpage.locator('tbody tr').first().waitFor();
  await mpage.locator('tbody tr').first().locator('input[type="checkbox"]').check();
  await mpage.locator('[data-action="bulk-assign"]').waitFor();
  await mpage.locator('[data-action="bulk-release"]').waitFor();
  await screenshot(mpage, 'lists-customers-manager-bulk');
  await manager.close();
});
