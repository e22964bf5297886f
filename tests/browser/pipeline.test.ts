// The sales pipeline in the staff UI, as a consultant works it: convert a lead from its page,
// push the new opportunity along the Kanban, see a refused move go back with the reason, and
// complete a planned follow-up from the calendar — each step checked on the server too.
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg } from '../helpers/org';
import { dragTo, eventually, toast } from '../helpers/ui-pages';

let app: TestApp;
let browser: Browser;
let page: Page;
let base: string;
let sales1: Client;
let stages: Array<{ id: number; name: string }>;
let leadId: number;
let followUpId: number;

/** Today at `hour`:30 in the CRM's time zone (Asia/Shanghai, UTC+8), as an ISO instant. */
function todayInShanghai(hour: number): string {
  const now = new Date(Date.now() + 8 * 3600e3);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour - 8, 30)).toISOString();
}

const read = async (resource: string, id: number) => (await sales1.get(`/api/crm/${resource}/${id}`).expect(200)).body;
const card = (id: number) => page.locator(`[data-testid="kanban-card"][data-id="${id}"]`);
const column = (stageId: number) => page.locator(`[data-testid="kanban-column"][data-stage="${stageId}"]`);

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  const org = await salesOrg(app);
  sales1 = org.sales1;
  stages = (await sales1.get('/api/crm/stages?sort=["order","ASC"]').expect(200)).body;
  const lead = await sales1
    .post('/api/crm/leads', { subject: '周先生咨询滨江壹号三居', targetCustomer: '周先生', mobile: '13812340001', source: '来电', level: 'A' })
    .expect(201);
  leadId = lead.body.id;
  // A customer with a follow-up planned for this afternoon: it shows in this week's calendar.
  const customer = await sales1.post('/api/crm/customers', { name: '吴女士', mobile: '13812340002', level: 'B' }).expect(201);
  const followUp = await sales1
    .post('/api/crm/interactions', {
      kind: 'phone', subject: '电话确认吴女士看房时间', state: 'planned', start: todayInShanghai(15), customer: customer.body.id,
    })
    .expect(201);
  followUpId = followUp.body.id;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await login(page, base, 'sales1', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

let opportunityId: number;

it('converts a lead from its page: the lead turns qualified and links its new customer and opportunity', async () => {
  await page.goto(`${base}/#/leads/${leadId}/show`);
  await page.getByRole('heading', { name: '周先生咨询滨江壹号三居', exact: true }).waitFor();
  await page.getByRole('button', { name: '转化' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('意向产品').fill('滨江壹号 三居');
  await screenshot(page, 'pipeline-1-convert-dialog');
  await dialog.getByRole('button', { name: '确认' }).click();

  await expect(toast(page, '转化')).resolves.toBe('转化：操作成功');
  await page.getByText('转化结果').waitFor();
  await page.getByText('已转化', { exact: true }).waitFor();
  await page.getByRole('link', { name: /周先生对滨江壹号/ }).waitFor();
  // The buttons follow the server's `actions`: nothing left to do on a converted lead.
  await expect(page.getByRole('button', { name: '转化' }).count()).resolves.toBe(0);
  // The history shows the status change, in words.
  await page.getByTestId('timeline').getByText('跟进中 → 已转化').waitFor();
  await screenshot(page, 'pipeline-2-lead-converted');

  const lead = await read('leads', leadId);
  expect(lead.status).toBe('qualified');
  expect(lead.opportunity).toEqual(expect.any(Number));
  opportunityId = lead.opportunity;
  expect((await read('opportunities', opportunityId)).stage).toBe(stages[0].id);
});

it('drags the new opportunity to the next stage on the Kanban; the server has the new stage', async () => {
  await page.goto(`${base}/#/kanban`);
  await column(stages[0].id).locator(`[data-id="${opportunityId}"]`).waitFor();
  await expect(card(opportunityId).getAttribute('data-movable')).resolves.toBe('true');
  await screenshot(page, 'pipeline-3-kanban-before');

  await dragTo(page, card(opportunityId), column(stages[1].id));

  await expect(toast(page, '已移至')).resolves.toBe(`已移至“${stages[1].name}”`);
  await column(stages[1].id).locator(`[data-id="${opportunityId}"]`).waitFor();
  const moved = await eventually(() => read('opportunities', opportunityId), (o) => o.stage === stages[1].id);
  expect(moved.probability).toBe(30);
  await expect(column(stages[1].id).getByTestId('kanban-column-count').textContent()).resolves.toContain('1 个');
  await screenshot(page, 'pipeline-4-kanban-moved');
});

it('a drop the server refuses (changed meanwhile by someone else) goes back, with the reason shown', async () => {
  // Someone else edits the opportunity: its version moves on, the board still holds the old one.
  const current = await read('opportunities', opportunityId);
  await sales1.put(`/api/crm/opportunities/${opportunityId}`, { ...current, estimatedValue: 3200000 }).expect(200);

  await dragTo(page, card(opportunityId), column(stages[2].id));

  await expect(toast(page, '该记录已被他人修改')).resolves.toContain('请重试');
  await column(stages[1].id).locator(`[data-id="${opportunityId}"]`).waitFor();
  await expect(column(stages[2].id).locator(`[data-id="${opportunityId}"]`).count()).resolves.toBe(0);
  await screenshot(page, 'pipeline-5-kanban-refused');
  expect((await read('opportunities', opportunityId)).stage).toBe(stages[1].id);
});

it('a won opportunity is shown locked and cannot be dragged', async () => {
  await sales1.post(`/api/crm/opportunities/${opportunityId}/win`, {}).expect(200);
  await page.reload();
  await page.getByLabel('显示已成功、失败和关闭的机会').check();
  await card(opportunityId).waitFor();
  await expect(card(opportunityId).getAttribute('data-movable')).resolves.toBe('false');
  await expect(card(opportunityId).textContent()).resolves.toContain('赢单');

  await dragTo(page, card(opportunityId), column(stages[3].id));
  await page.waitForTimeout(500);
  await column(stages[1].id).locator(`[data-id="${opportunityId}"]`).waitFor();
  await screenshot(page, 'pipeline-6-kanban-won-locked');
  expect((await read('opportunities', opportunityId)).stage).toBe(stages[1].id);
});

it('completes a planned follow-up from the calendar with its outcome; the server has it done', async () => {
  await page.goto(`${base}/#/calendar`);
  const event = page.locator('.fc-event', { hasText: '电话确认吴女士看房时间' });
  await event.waitFor();
  await expect(page.locator('.fc-toolbar-title').textContent()).resolves.toMatch(/\d{4}年\d+月/);
  await screenshot(page, 'pipeline-7-calendar');
  await event.click();

  const dialog = page.getByRole('dialog');
  await dialog.getByRole('link', { name: '吴女士' }).waitFor();
  await dialog.locator('textarea[name="outcome"]').fill('客户确认周六上午看房');
  await screenshot(page, 'pipeline-8-calendar-complete');
  await dialog.getByRole('button', { name: '完成此次跟进' }).click();

  await expect(toast(page, '完成跟进')).resolves.toBe('完成跟进：操作成功');
  await page.locator('.fc-event.crm-event-done', { hasText: '电话确认吴女士看房时间' }).waitFor();
  const done = await eventually(() => read('interactions', followUpId), (i) => i.state === 'done');
  expect(done.outcome).toBe('客户确认周六上午看房');
  await screenshot(page, 'pipeline-9-calendar-done');
});
