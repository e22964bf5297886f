// Questionnaire staff UI of issue #13, one server boot: marketing builds a questionnaire (a
// single-choice and a rating question, reordered by dragging), publishes it and switches its
// public form on; a consultant fills it on an opportunity page (a refusal shown under the
// question, in Chinese; a closed opportunity's refusal above the form); the results chart counts
// the answer. Then the public form on a phone, without login, creates a lead.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { bootApp, listQuery, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { launch, login } from '../helpers/browser';
import { newOpportunity, salesOrg, type Org } from '../helpers/org';
import { eventually, toast } from '../helpers/ui-pages';

const SHOTS = process.env.CRM_SCREENS_DIR ?? '/work/shots';
const TITLE = '看房客户调查';
let app: TestApp;
let browser: Browser;
let base: string;
let org: Org;
let mkt: Client;
let questionnaireId: number;

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  await app.staff('mkt', 'marketing', { displayName: '市场部小王' });
  mkt = await app.as('mkt');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `quest-${name}.png`), fullPage: true });
};

const desk = async (username: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  await login(page, base, username, PASSWORD);
  return page;
};

/** The answers a result chart lists on its axis, top to bottom. */
const axisLabels = async (page: Page, key: string) =>
  (await page.locator(`[data-testid="result-${key}"] .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents()).map((t) => t.trim());

/** The numbers a result chart writes on its bars (a bar of 0 has none), in the order of its answers. */
const barLabels = async (page: Page, key: string) =>
  (await page.locator(`[data-testid="result-${key}"] .recharts-label-list text`).allTextContents()).map((t) => t.trim());

it('marketing builds and publishes a questionnaire; a consultant fills it on an opportunity; the results chart counts the answer', async () => {
  const m = await desk('mkt');
  await m.goto(`${base}/#/questionnaires/create`);
  await m.fill('input[name="title"]', TITLE);
  await m.fill('textarea[name="description"]', '请顾问在客户看房后填写');
  // the first question is there already (single choice)
  await m.fill('input[name="questions.0.label"]', '购房预算');
  await m.fill('textarea[name="questions.0.options"]', '200万以下\n200-400万\n400万以上');
  await m.getByRole('button', { name: '添加问题' }).click();
  const second = m.getByTestId('question-1');
  await second.locator('input[name="questions.1.label"]').fill('看房体验');
  await second.getByRole('combobox', { name: '题型' }).click();
  await m.getByRole('option', { name: '评分题' }).click();
  await second.locator('input[name="questions.1.required"]').check();
  // the rating question moves to the top by its drag handle (the keyboard way: space, up, space)
  await m.getByLabel('移动第 2 题').focus();
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    await m.keyboard.press(key);
    await m.waitForTimeout(400);
  }
  expect(await m.locator('input[name="questions.0.label"]').inputValue()).toBe('看房体验');
  await shot(m, 'builder');
  await m.getByRole('button', { name: '保存' }).click();
  await m.waitForURL((u) => /#\/questionnaires\/\d+\/show/.test(u.hash));
  questionnaireId = Number(/questionnaires\/(\d+)/.exec(m.url())![1]);
  const saved = (await mkt.get(`/api/crm/questionnaires/${questionnaireId}`).expect(200)).body;
  expect(saved).toMatchObject({ title: TITLE, status: 'draft', revision: 1 });
  expect(saved.questions).toEqual([
    { key: 'q2', label: '看房体验', type: 'rating', required: true, min: 1, max: 5 },
    { key: 'q1', label: '购房预算', type: 'single', required: true, options: ['200万以下', '200-400万', '400万以上'] },
  ]);
  // the preview is the generated form; "第 1 版" in the header
  await expect(m.getByTestId('revision-chip').textContent()).resolves.toBe('第 1 版');
  const preview = m.getByTestId('questionnaire-preview');
  await preview.getByText('1. 看房体验').waitFor();
  await preview.getByRole('radio', { name: '200-400万' }).waitFor();
  await m.getByRole('button', { name: '发布', exact: true }).click();
  await m.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await toast(m, '发布：操作成功');
  await m.getByRole('button', { name: '归档', exact: true }).waitFor();
  await shot(m, 'show-preview');

  // the public form: switched on, its link and QR code shown
  await m.getByRole('tab', { name: '公开表单' }).click();
  await m.getByTestId('public-form-panel').getByRole('switch').click();
  await toast(m, '公开表单已开启');
  const link = (await m.getByTestId('public-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/api\/public\/forms\/[A-Za-z0-9_-]{24}\/page$/);
  await m.getByRole('img', { name: '公开表单二维码' }).waitFor();
  await shot(m, 'public-link');

  // a consultant answers on an opportunity; the server's refusal is shown under the question
  const o = await newOpportunity(org.sales1);
  const s = await desk('sales1');
  await s.goto(`${base}/#/opportunities/${o.id}/show`);
  const panel = s.getByTestId('questionnaire-panel');
  await panel.getByRole('combobox', { name: '选择要填写的问卷' }).click();
  await s.getByRole('option', { name: `${TITLE}（第 1 版）` }).click();
  await panel.getByRole('radio', { name: '200-400万' }).check();
  await panel.getByRole('button', { name: '提交答卷' }).click();
  const refusal = panel.locator('[data-question="q2"] [role="alert"]');
  await expect(refusal.textContent()).resolves.toBe('请填写看房体验。');
  await shot(s, 'fill-refused');
  await panel.locator('[data-question="q2"]').getByRole('button', { name: '4', exact: true }).click();
  await panel.getByRole('button', { name: '提交答卷' }).click();
  await toast(s, '答卷已保存');
  const response = panel.getByTestId('questionnaire-response');
  await response.waitFor();
  expect(await response.textContent()).toMatch(/看房客户调查 · 第 1 版 · .*员工填写看房体验4购房预算200-400万/);
  await shot(s, 'fill-saved');

  // a closed opportunity takes none: the server's 409 in Chinese, nothing saved
  const won = await newOpportunity(org.sales1);
  await org.sales1.post(`/api/crm/opportunities/${won.id}/win`, {}).expect(200);
  await org.sales1.post(`/api/crm/opportunities/${won.id}/close`, {}).expect(200);
  await s.goto(`${base}/#/opportunities/${won.id}/show`);
  await panel.getByRole('combobox', { name: '选择要填写的问卷' }).click();
  await s.getByRole('option', { name: `${TITLE}（第 1 版）` }).click();
  await panel.getByRole('radio', { name: '400万以上' }).check();
  await panel.locator('[data-question="q2"]').getByRole('button', { name: '5', exact: true }).click();
  await panel.getByRole('button', { name: '提交答卷' }).click();
  await expect(panel.getByTestId('questionnaire-refusal').textContent()).resolves.toBe('该销售机会已关闭或战败，不能再填写问卷。');
  const onWon = (await org.sales1.get(`/api/crm/questionnaire-responses?${listQuery({ filter: { opportunity: won.id } })}`).expect(200)).body;
  expect(onWon).toEqual([]);

  // marketing's results: one response, the chosen budget and rating counted
  await m.goto(`${base}/#/questionnaires/${questionnaireId}/show/results`);
  await m.getByTestId('results-total').filter({ hasText: '答卷数：1' }).waitFor();
  await m.getByTestId('result-q1').getByText('200-400万').waitFor();
  // every option on the axis, the one bar drawn carries its count
  expect(await axisLabels(m, 'q1')).toEqual(['200万以下', '200-400万', '400万以上']);
  expect(await barLabels(m, 'q1')).toEqual(['1']);
  // a rating's whole scale on the axis, the chosen step counted
  expect(await axisLabels(m, 'q2')).toEqual(['1', '2', '3', '4', '5']);
  expect(await barLabels(m, 'q2')).toEqual(['1']);
  await m.getByTestId('result-q2').getByText('评分题 · 作答 1 份').waitFor();
  // marketing counts, and gets no export of the answers
  expect(await m.getByRole('button', { name: '导出表格' }).count()).toBe(0);
  await shot(m, 'results');
  // narrowed to the public form: none yet
  await m.getByRole('combobox', { name: '来源' }).click();
  await m.getByRole('option', { name: '公开表单' }).click();
  await m.getByTestId('results-total').filter({ hasText: '答卷数：0' }).waitFor();
});

it('the public form, opened on a phone without login, submits and a lead appears', async () => {
  const q = (await mkt.get(`/api/crm/questionnaires/${questionnaireId}`).expect(200)).body;
  expect(q.publicToken).toBeTruthy();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'UTC' });
  const phone = await context.newPage();
  await phone.goto(`${base}/api/public/forms/${q.publicToken}/page`);
  await phone.getByRole('heading', { name: TITLE }).waitFor();
  await phone.fill('input[name="name"]', '周先生');
  await phone.fill('input[name="mobile"]', '12345');
  await phone.locator('input[name="q_q1"][value="400万以上"]').check();
  await phone.getByRole('button', { name: '5分' }).click();
  await phone.getByRole('button', { name: '提交' }).click();
  // a refusal in Chinese, under the field it names
  await phone.locator('#err-mobile', { hasText: '请填写正确的手机号码' }).waitFor();
  await shot(phone, 'phone-refused');
  await phone.fill('input[name="mobile"]', '13811112222');
  await phone.getByRole('button', { name: '提交' }).click();
  await phone.getByText('提交成功，感谢您的参与！').waitFor();
  await shot(phone, 'phone-done');
  const leads = await eventually(
    async () => (await org.admin.get(`/api/crm/leads?${listQuery({ filter: { mobile: '13811112222' } })}`).expect(200)).body,
    (rows: any[]) => rows.length === 1,
  );
  expect(leads[0]).toMatchObject({ targetContact: '周先生', owner: null, subject: `问卷：${TITLE}` });
  // the lead's page shows the response with the questions it answered
  const a = await desk('admin');
  await a.goto(`${base}/#/leads/${leads[0].id}/show`);
  const response = a.getByTestId('questionnaire-response');
  await response.waitFor();
  expect(await response.textContent()).toMatch(/公开表单看房体验5购房预算400万以上/);
  await shot(a, 'lead-response');
  // and the public response is counted among the form's
  const results = (await mkt.get(`/api/crm/questionnaire-results/${questionnaireId}?channel=public`).expect(200)).body;
  expect(results.total).toBe(1);
});
