// Low-code configuration in the staff UI, without a rebuild or a server restart: an admin adds a
// required single-choice field to leads; a consultant's form shows it, refuses to save without
// it, saves with it, the show page and list display it and the list filters on it. The admin
// revokes 关闭线索 from 销售顾问 and the consultant's close button disappears.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { bootApp, PASSWORD, type TestApp } from '../helpers/app';
import { launch, login, screenshot } from '../helpers/browser';
import { salesOrg, type Org } from '../helpers/org';
import { eventually } from '../helpers/ui-pages';

let app: TestApp;
let org: Org;
let browser: Browser;
let admin: Page;
let sales: Page;
let base: string;
let leadId: number;

/** Screenshots also where the review looks for them (when that folder exists). */
const shot = async (page: Page, name: string) => {
  const file = await screenshot(page, name);
  const review = process.env.CRM_SCREENS_DIR;
  if (review) {
    fs.mkdirSync(review, { recursive: true });
    fs.copyFileSync(file, path.join(review, `${name}.png`));
  }
};

const pageFor = async (username: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${username}] page error: ${e.message}`));
  await login(page, base, username, PASSWORD);
  return page;
};

beforeAll(async () => {
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  org = await salesOrg(app);
  await org.sales1.post('/api/crm/leads', { subject: '西湖的老线索' }).expect(201);
  browser = await launch();
  [admin, sales] = await Promise.all([pageFor('admin'), pageFor('sales1')]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the consultant\'s form has no such field yet', async () => {
  await sales.goto(`${base}/#/leads/create`);
  await sales.getByLabel('主题').first().waitFor();
  expect(await sales.getByText('意向区域').count()).toBe(0);
});

it('an admin adds a required single-choice field to leads in the configuration screen', async () => {
  await admin.goto(`${base}/#/custom-fields/create`);
  await admin.getByLabel('字段键').fill('district');
  await admin.getByLabel('名称（中文）').fill('意向区域');
  await admin.getByLabel('名称（英文）').fill('District');
  await admin.getByRole('combobox', { name: /类型/ }).click();
  await admin.getByRole('option', { name: '单选' }).click();
  await admin.getByLabel('选项').fill('滨江\n西湖\n余杭');
  for (const box of ['必填', '可筛选', '列表显示']) await admin.getByLabel(box).check();
  await shot(admin, 'config-custom-field-create');
  await admin.getByRole('button', { name: '保存' }).click();
  await admin.waitForURL((u) => u.hash.startsWith('#/custom-fields') && !u.hash.includes('create'));
  await admin.getByText('意向区域').first().waitFor();
  await shot(admin, 'config-custom-field-list');
  const defs = (await org.admin.get('/api/crm/custom-fields').expect(200)).body;
  expect(defs).toMatchObject([{ entity: 'lead', key: 'district', type: 'select', options: ['滨江', '西湖', '余杭'], required: true, filterable: true, showInList: true }]);
});

it('the consultant\'s form shows it at once, refuses to save without it, saves with it', async () => {
  // the way a consultant gets there: through the list (already open before the field existed)
  await sales.goto(`${base}/#/leads`);
  await sales.getByText('西湖的老线索').waitFor();
  await sales.getByRole('link', { name: '新建' }).first().click();
  const district = sales.getByRole('combobox', { name: /意向区域/ });
  await district.waitFor();
  await sales.getByLabel('主题').first().fill('滨江的新线索');
  await sales.getByRole('button', { name: '保存' }).click();
  await sales.getByText('必填').first().waitFor();
  expect(sales.url()).toContain('/leads/create');
  await shot(sales, 'config-lead-form-required');
  expect((await org.sales1.get('/api/crm/leads').expect(200)).headers['content-range']).toMatch(/\/1$/);

  await district.click();
  await sales.getByRole('option', { name: '滨江' }).click();
  await sales.getByRole('button', { name: '保存' }).click();
  await sales.waitForURL((u) => /#\/leads\/\d+\/show/.test(u.hash));
  leadId = Number(/leads\/(\d+)/.exec(sales.url())![1]);
  expect((await org.sales1.get(`/api/crm/leads/${leadId}`).expect(200)).body.custom).toEqual({ district: '滨江' });
  await sales.getByText('更多信息').waitFor();
  await sales.getByText('滨江', { exact: true }).first().waitFor();
  await shot(sales, 'config-lead-show-custom');
});

it('the list shows the column and filters on it', async () => {
  const old = (await org.sales1.get('/api/crm/leads').expect(200)).body.find((l: any) => l.subject === '西湖的老线索');
  await org.sales1.put(`/api/crm/leads/${old.id}`, { ...old, custom: { district: '西湖' } }).expect(200);
  await sales.goto(`${base}/#/leads`);
  await sales.getByRole('columnheader', { name: '意向区域' }).waitFor();
  await sales.getByText('西湖的老线索').waitFor();
  await sales.getByRole('button', { name: '添加筛选' }).click();
  await sales.getByRole('menuitemcheckbox', { name: '意向区域' }).click();
  await sales.getByRole('combobox', { name: /意向区域/ }).click();
  await sales.getByRole('option', { name: '滨江' }).click();
  const rows = await eventually(() => sales.locator('tbody').textContent(), (t) => !!t && !t.includes('西湖的老线索'));
  expect(rows).toContain('滨江的新线索');
  await shot(sales, 'config-lead-list-filtered');
});

it('the admin revokes 关闭线索 from 销售顾问: the consultant\'s close button disappears', async () => {
  await sales.goto(`${base}/#/leads/${leadId}/show`);
  await sales.locator('button[data-action="close"]').waitFor();

  const role = (await org.admin.get('/api/crm/roles').expect(200)).body.find((r: any) => r.type === 'sales');
  await admin.goto(`${base}/#/roles/${role.id}`);
  const close = admin.getByRole('checkbox', { name: 'leads:close' });
  expect(await close.isChecked()).toBe(true);
  await close.uncheck();
  await shot(admin, 'config-role-editor');
  await admin.getByRole('button', { name: '保存' }).click();
  await admin.waitForURL((u) => u.hash === '#/roles' || u.hash.startsWith('#/roles?'));
  expect((await org.admin.get(`/api/crm/roles/${role.id}`).expect(200)).body.grants.leads.actions).not.toContain('close');

  await sales.reload();
  await sales.getByRole('button', { name: '转化' }).waitFor();
  expect(await sales.locator('button[data-action="close"]').count()).toBe(0);
  await shot(sales, 'config-lead-show-close-revoked');
  expect((await org.sales1.post(`/api/crm/leads/${leadId}/close`, { reason: '无效' })).status).toBe(403);
});

it('settings are typed forms, and the server still checks them', async () => {
  const settings = (await org.admin.get('/api/crm/settings?range=[0,49]').expect(200)).body;
  const reminder = settings.find((s: any) => s.key === 'reminderTime');
  await admin.goto(`${base}/#/settings/${reminder.id}`);
  await admin.getByTestId('setting-reminderTime').fill('07:45');
  await admin.getByRole('button', { name: '保存' }).click();
  await admin.waitForURL((u) => u.hash === '#/settings' || u.hash.startsWith('#/settings?'));
  expect((await org.admin.get(`/api/crm/settings/${reminder.id}`).expect(200)).body.value).toBe('"07:45"');

  const pool = settings.find((s: any) => s.key === 'pool');
  await admin.goto(`${base}/#/settings/${pool.id}`);
  await admin.getByTestId('setting-pool-claimsPerDay').fill('0');
  await shot(admin, 'config-setting-typed-pool');
  await admin.getByRole('button', { name: '保存' }).click();
  const error = admin.getByTestId('setting-error');
  await error.waitFor();
  await shot(admin, 'config-setting-refused');
  const text = await error.textContent();
  expect(text).toContain('须在 1 到 10000 之间');
  expect(text).not.toMatch(/must|between/);
  expect(JSON.parse((await org.admin.get(`/api/crm/settings/${pool.id}`).expect(200)).body.value).claimsPerDay).toBe(20);
});

it('a source that leads still name is merged into another, not deleted', async () => {
  const sources = (await org.admin.get('/api/crm/sources').expect(200)).body;
  const old = (await org.admin.post('/api/crm/sources', { name: '旧展会', order: 99 }).expect(201)).body;
  const lead = (await org.sales1.post('/api/crm/leads', { subject: '展会线索', source: '旧展会', custom: { district: '余杭' } }).expect(201)).body;
  await admin.goto(`${base}/#/sources/${old.id}`);
  await admin.getByTestId('merge').click();
  await admin.getByRole('dialog').getByRole('combobox').click();
  await admin.getByRole('option', { name: sources[0].name, exact: true }).click();
  await shot(admin, 'config-source-merge');
  await admin.getByRole('dialog').getByRole('button', { name: '合并', exact: true }).click();
  await admin.getByText(`已将 1 条记录移到“${sources[0].name}”`).waitFor();
  expect((await org.sales1.get(`/api/crm/leads/${lead.id}`).expect(200)).body.source).toBe(sources[0].name);
  expect((await org.admin.get(`/api/crm/sources/${old.id}`).expect(200)).body.active).toBe(false);
});

it('an admin previews the 汽车4S preset, then applies it; the records keep their values', async () => {
  const opportunity = (await org.sales1.post('/api/crm/customers', { name: '试驾客户', mobile: '13911112222' }).expect(201)).body;
  const stages = (await org.admin.get('/api/crm/stages').expect(200)).body;
  const opp = (await org.sales1.post('/api/crm/opportunities', { customer: opportunity.id, product: '哈弗H6', stage: stages[0].id }).expect(201)).body;
  await admin.goto(`${base}/#/configuration`);
  await admin.getByTestId('preset-auto-4s').getByRole('button', { name: '预览' }).click();
  const report = admin.getByTestId('config-report');
  await report.getByText('意向建卡').first().waitFor();
  await report.getByText(`${stages[0].name} → 意向建卡 (1)`).waitFor();
  await shot(admin, 'config-preset-preview');
  expect((await org.admin.get('/api/crm/stages').expect(200)).body.some((s: any) => s.name === '意向建卡')).toBe(false);
  await admin.getByRole('button', { name: '应用' }).click();
  await admin.getByText('配置已应用').waitFor();
  const after = (await org.admin.get('/api/crm/stages').expect(200)).body;
  const intake = after.find((s: any) => s.name === '意向建卡');
  expect((await org.sales1.get(`/api/crm/opportunities/${opp.id}`).expect(200)).body.stage).toBe(intake.id);
  expect(after.find((s: any) => s.id === stages[0].id).active).toBe(false);
  await sales.goto(`${base}/#/opportunities/${opp.id}/show`);
  await sales.getByText('意向建卡').first().waitFor();
  await shot(sales, 'config-preset-opportunity');
});
