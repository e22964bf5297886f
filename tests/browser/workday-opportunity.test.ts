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
