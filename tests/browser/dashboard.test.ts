// The dashboards as each role sees them, over a fixture seeded through the API: the numbers
// shown are the fixture's, and a chart's bar opens the list it counts with that filter applied.
// Then the import page: a CSV with one bad row is refused in the dry run with the row's error
// in Chinese, and imports once the row is fixed. One boot; the browser is in UTC.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { launch, login } from '../helpers/browser';
import { salesOrg } from '../helpers/org';

const SCREENS = '/work/screens/dash';
let app: TestApp;
let browser: Browser;
let base: string;
let c: Record<string, Client> = {};
let ids: Record<string, number> = {};
let seq = 0;
const mobile = () => `1371234${String(++seq).padStart(4, '0')}`;
/** Today in the CRM zone (Asia/Shanghai), `YYYY-MM-DD`, and an instant at `hour`:30 of it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const todayAt = (hour: number) => new Date(`${today}T${String(hour).padStart(2, '0')}:30:00+08:00`).toISOString();

async function post(who: string, url: string, body: unknown, status = 201) {
  const res = await c[who].post(url, body);
  if (res.status !== status) throw new Error(`${who} POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function open(who: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await ctx.newPage();
  await login(page, base, who, PASSWORD);
  return { ctx, page };
}
const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
};
const total = (page: Page, key: string) => page.getByTestId(`total-${key}`).innerText();
const totals = async (page: Page, keys: string[]) => {
  await page.getByTestId(`total-${keys[0]}`).filter({ hasNotText: '—' }).waitFor();
  return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await total(page, k)])));
};
/** The bars of a panel's chart (recharts draws one path per bar). */
const bars = (page: Page, panel: string) => page.getByTestId(panel).locator('.recharts-bar-rectangle');
/** The x-axis labels of a panel's chart, once drawn (the chart measures its box first). */
const axis = async (page: Page, panel: string) => {
  // recharts 3 draws the tick labels in a z-index layer of their own
  const ticks = page.getByTestId(panel).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await ticks.first().waitFor();
  return ticks.allTextContents();
};
const filterOf = (page: Page) => JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}');

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  const org = await salesOrg(app);
  c = { admin: org.admin, manager: org.manager, sales1: org.sales1, sales2: org.sales2 };
  ids = { ...org.ids };
  ids.reception = await app.staff('reception', 'reception', { department: org.ids.store });
  ids.marketing = await app.staff('marketing', 'marketing');
  c.reception = await app.as('reception');
  c.marketing = await app.as('marketing');

  // sales1: 网络 lead converted and won (100000), a 网络 lead and a 来电 lead still open,
  // one follow-up planned today; sales2: one 来电 lead and one follow-up planned today.
  const l1 = await post('sales1', '/api/crm/leads', { subject: '周先生咨询', targetCustomer: '周先生', mobile: mobile(), source: '网络', level: 'A' });
  const conv = await post('sales1', `/api/crm/leads/${l1.id}/convert`, { estimatedValue: 100000 }, 200);
  await post('sales1', `/api/crm/opportunities/${conv.opportunity.id}/win`, {}, 200);
  await post('sales1', '/api/crm/leads', { subject: '吴女士咨询', mobile: mobile(), source: '网络', level: 'B' });
  await post('sales1', '/api/crm/leads', { subject: '郑先生来电', mobile: mobile(), source: '来电', level: 'C' });
  await post('sales1', '/api/crm/interactions', { kind: 'phone', subject: '回访周先生', state: 'planned', start: todayAt(15), customer: conv.customer.id });
  const c2 = await post('sales2', '/api/crm/customers', { name: '孙女士', mobile: mobile(), level: 'A' });
  await post('sales2', '/api/crm/leads', { subject: '钱先生来电', mobile: mobile(), source: '来电', level: 'A' });
  await post('sales2', '/api/crm/interactions', { kind: 'phone', subject: '回访孙女士', state: 'planned', start: todayAt(16), customer: c2.id });
  // reception: today a walk-in of two who left a mobile, and a call
  await post('reception', '/api/crm/visit-logs', { visitedAt: `${today}T10:00`, kind: 'walk-in', partySize: 2, contactLeft: true, name: '王五', mobile: mobile() });
  await post('reception', '/api/crm/visit-logs', { visitedAt: `${today}T11:00`, kind: 'call', partySize: 1, contactLeft: false });
  browser = await launch();
}, 600000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("shows a consultant their own funnel and today's follow-ups; a funnel bar opens the filtered leads", async () => {
  const { ctx, page } = await open('sales1');
  await page.getByTestId('panel-funnel').waitFor();
  expect(await totals(page, ['funnel-leads', 'funnel-qualified', 'funnel-opportunities', 'funnel-won'])).toEqual({
    'funnel-leads': '3', 'funnel-qualified': '1', 'funnel-opportunities': '1', 'funnel-won': '1',
  });
  await expect(page.getByTestId('stat-today').innerText()).resolves.toBe('1');
  // a consultant sees neither the team's panels nor the traffic
  for (const panel of ['panel-follow-ups', 'panel-won-by-month', 'panel-traffic', 'panel-sources']) {
    expect([panel, await page.getByTestId(panel).count()]).toEqual([panel, 0]);
  }
  await expect(page.getByText('Leads', { exact: true }).count()).resolves.toBe(0);
  await shot(page, '1-consultant');
  await bars(page, 'panel-funnel').nth(1).click(); // 已转化
  await page.waitForURL((u) => u.hash.startsWith('#/leads'));
  expect(filterOf(page)).toEqual({ status: 'qualified' });
  await page.locator('tbody tr', { hasText: '周先生咨询' }).waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  await shot(page, '2-consultant-qualified-leads');
  await ctx.close();
});

it("shows a manager the team's follow-ups per consultant and the wins by month; a consultant's bar opens their follow-ups", async () => {
  const { ctx, page } = await open('manager');
  await page.getByTestId('panel-follow-ups').waitFor();
  expect(await totals(page, ['follow-ups-planned', 'follow-ups-done', 'follow-ups-overdue'])).toEqual({
    'follow-ups-planned': '2', 'follow-ups-done': '0', 'follow-ups-overdue': expect.stringMatching(/^[0-2]$/),
  });
  expect(await totals(page, ['funnel-leads', 'funnel-won'])).toEqual({ 'funnel-leads': '4', 'funnel-won': '1' });
  expect(await totals(page, ['won', 'won-value'])).toEqual({ won: '1', 'won-value': '¥100,000' });
  expect(await totals(page, ['sources-leads', 'sources-won'])).toEqual({ 'sources-leads': '4', 'sources-won': '1' });
  const names = await axis(page, 'panel-follow-ups');
  expect(names.sort()).toEqual(['sales1', 'sales2']);
  await shot(page, '3-manager');
  // the first bar series is 计划跟进, one bar per consultant in the axis order
  await bars(page, 'panel-follow-ups').nth(names.indexOf('sales2')).click();
  await page.waitForURL((u) => u.hash.startsWith('#/interactions'));
  expect(filterOf(page)).toEqual({ owner: ids.sales2 });
  await page.locator('tbody tr', { hasText: '回访孙女士' }).waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  await shot(page, '4-manager-sales2-follow-ups');
  await ctx.close();
});

it("shows reception today's traffic; the walk-in bar opens the walk-ins", async () => {
  const { ctx, page } = await open('reception');
  await page.getByTestId('panel-traffic').waitFor();
  expect(await totals(page, ['traffic-visits', 'traffic-walkIns', 'traffic-calls', 'traffic-people', 'traffic-withContact', 'traffic-converted'])).toEqual({
    'traffic-visits': '2', 'traffic-walkIns': '1', 'traffic-calls': '1', 'traffic-people': '3', 'traffic-withContact': '1', 'traffic-converted': '0',
  });
  await expect(page.getByTestId('panel-funnel').count()).resolves.toBe(0);
  await shot(page, '5-reception');
  await bars(page, 'panel-traffic').nth(1).click(); // 到店
  await page.waitForURL((u) => u.hash.startsWith('#/visit-logs'));
  expect(filterOf(page)).toEqual({ kind: 'walk-in' });
  await page.locator('tbody tr', { hasText: '王五' }).waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  await ctx.close();
});

it('shows marketing the leads by source, without opening lists it may not read', async () => {
  const { ctx, page } = await open('marketing');
  await page.getByTestId('panel-sources').waitFor();
  expect(await totals(page, ['sources-leads', 'sources-won'])).toEqual({ 'sources-leads': '4', 'sources-won': '1' });
  const panel = page.getByTestId('panel-sources');
  const sources = await axis(page, 'panel-sources');
  expect(sources.sort()).toEqual(['来电', '网络']);
  // the bar labels: 线索 2 and 2, 赢单 1 (网络); 来电's empty 赢单 bar draws no label
  expect((await panel.locator('.recharts-label-list text').allTextContents()).sort()).toEqual(['1', '2', '2']);
  await expect(page.getByTestId('panel-follow-ups').count()).resolves.toBe(0);
  await shot(page, '6-marketing');
  await bars(page, 'panel-sources').first().click();
  await bars(page, 'panel-funnel').first().click();
  await expect(page.evaluate(() => location.hash)).resolves.toBe('#/');
  await ctx.close();
});

it('imports leads from a CSV: the dry run names the bad row in Chinese, a mapped column fills its field, the fixed file imports', async () => {
  const { ctx, page } = await open('sales1');
  await page.goto(`${base}/#/leads`);
  await page.getByRole('link', { name: '导入' }).click();
  await page.waitForURL((u) => u.hash === '#/import/leads');
  const csv = (rows: string[]) => ({ name: '线索.csv', mimeType: 'text/csv', buffer: Buffer.from(['主题,手机,来源,客户备注', ...rows].join('\n')) });
  const good = ['冯先生咨询,13912345601,网络,想要三居', '陈女士咨询,13912345603,来电,学区'];
  await page.getByTestId('import-file').setInputFiles(csv([good[0], '蒋先生咨询,12345,网络,', good[1]]));
  const report = page.getByTestId('import-report');
  await page.getByTestId('import-summary').waitFor();
  await expect(page.getByTestId('import-summary').innerText()).resolves.toBe('共 3 行，可导入 2 行，1 行有错误');
  const cells = await report.locator('tbody tr').first().locator('td').allInnerTexts();
  expect(cells).toEqual(['3', '手机', '手机不是有效的手机号码。']);
  await expect(report.getByRole('button', { name: /导入/ }).isDisabled()).resolves.toBe(true);
  await expect(page.locator('body').innerText()).resolves.not.toMatch(/invalid|mobile/i);
  await shot(page, '7-import-dry-run');

  // the bad row removed; the unrecognised column mapped to 描述信息
  await page.getByTestId('import-file').setInputFiles(csv(good));
  await page.getByTestId('import-summary').filter({ hasText: '共 2 行，可导入 2 行，0 行有错误' }).waitFor();
  await page.getByTestId('import-mapping').getByRole('combobox', { name: '客户备注' }).click();
  await page.getByRole('option', { name: '描述信息' }).click();
  await page.getByRole('button', { name: '重新检查' }).click();
  await page.getByTestId('import-all-mapped').filter({ hasText: '所有列均已对应字段。' }).waitFor();
  await expect(page.getByTestId('import-summary').innerText()).resolves.toBe('共 2 行，可导入 2 行，0 行有错误');
  await shot(page, '8-import-mapped');
  await page.getByRole('button', { name: '导入 2 行' }).click();
  await page.getByTestId('import-done').filter({ hasText: '已导入 2 条记录。' }).waitFor();
  await shot(page, '9-import-done');

  const list = (await c.sales1.get(`/api/crm/leads?filter=${encodeURIComponent(JSON.stringify({ q: '咨询' }))}`)).body as any[];
  const imported = Object.fromEntries(list.filter((l) => ['冯先生咨询', '陈女士咨询'].includes(l.subject)).map((l) => [l.subject, [l.mobile, l.source, l.description, l.owner]]));
  expect(imported).toEqual({
    冯先生咨询: ['13912345601', '网络', '想要三居', ids.sales1],
    陈女士咨询: ['13912345603', '来电', '学区', ids.sales1],
  });
  expect(list.some((l) => l.subject === '蒋先生咨询')).toBe(false);
  await ctx.close();
});

const IMP_SHOTS = '/work/shots';
const impShot = async (page: Page, name: string) => {
  fs.mkdirSync(IMP_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(IMP_SHOTS, `imp-${name}.png`), fullPage: true });
};

it('shows service its complaint queue; a bar opens the complaints of that severity and state', async () => {
  await app.staff('service1', 'service', { department: ids.store });
  c.service1 = await app.as('service1');
  const cust = await post('sales1', '/api/crm/customers', { name: '林先生', mobile: mobile() });
  const complaint = (title: string, severity: string) =>
    post('service1', '/api/crm/complaints', { title, description: '交房延期，物业态度差', channel: 'phone', category: '服务态度', severity, customer: cust.id });
  await complaint('交房延期投诉', 'urgent');
  await complaint('物业态度投诉', 'high');
  const { ctx, page } = await open('service1');
  await page.getByTestId('panel-complaints').waitFor();
  expect(await totals(page, ['complaints-open', 'complaints-processing'])).toEqual({ 'complaints-open': '2', 'complaints-processing': '0' });
  await expect(axis(page, 'panel-complaints')).resolves.toEqual(['紧急', '高', '中', '低']);
  await impShot(page, '1-service-dashboard');
  // the first series is 待处理, its first bar 紧急
  await bars(page, 'panel-complaints').first().click();
  await page.waitForURL((u) => u.hash.startsWith('#/complaints'));
  expect(filterOf(page)).toEqual({ status: 'open', severity: 'urgent' });
  await page.locator('tbody tr', { hasText: '交房延期投诉' }).waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  await impShot(page, '2-service-urgent-complaints');
  await ctx.close();
});
