// Strapi's admin panel (/admin) for the CRM's administrators: the super admin registers and logs
// in, opens a lead in the Content Manager (Chinese field labels), saves an invalid mobile and sees
// the CRM's Chinese refusal as the panel's own validation error (not a `s.join` crash), and finds
// audit events read-only. No request leaves for another host during the whole session.
// Cost: the panel is built once (`strapi build`, about a minute and ~2 GB of memory) when its
// sources changed since the last build; later runs reuse backend/dist/build.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/lib/build';
import { bootApp, type TestApp } from '../helpers/app';
import { launch } from '../helpers/browser';

const SCREENS = process.env.CRM_SCREENS_DIR ?? path.join(__dirname, '..', '..', '.tmp', 'screenshots', 'panel');
const ADMIN = { firstname: '王', lastname: '管理员', email: 'root@test.local', password: 'Panel-Pass-2026' };

let app: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const foreign: string[] = [];
const crashes: string[] = [];
let leadId: string;

const shot = async (name: string) => {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
};

beforeAll(async () => {
  ensureBuilt(['adminPanel'], { log: (s) => process.stderr.write(s + '\n') });
  app = await bootApp({ listen: true, env: { SERVE_ADMIN: 'true' } });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  await app.staff('sales1', 'sales', { displayName: '张伟' });
  const sales = await app.as('sales1');
  const lead = await sales.post('/api/crm/leads', { subject: '陈女士咨询滨江壹号三居', mobile: '13812345678' }).expect(201);
  leadId = lead.body.data?.documentId ?? lead.body.documentId;
  if (!leadId) {
    const row = await app.strapi.documents('api::lead.lead').findFirst({ filters: { subject: '陈女士咨询滨江壹号三居' } });
    leadId = row!.documentId;
  }
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== base) foreign.push(r.url());
  });
  page.on('pageerror', (e) => crashes.push(String(e)));
}, 600000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the super admin registers and logs in, in Chinese', async () => {
  await page.goto(`${base}/admin`);
  await page.waitForSelector('input[name="email"]');
  await shot('register');
  // First visit: the register-admin form (Chinese by default, see backend/src/admin/app.tsx).
  await page.fill('input[name="firstname"]', ADMIN.firstname);
  await page.fill('input[name="lastname"]', ADMIN.lastname);
  await page.fill('input[name="email"]', ADMIN.email);
  await page.fill('input[name="password"]', ADMIN.password);
  await page.fill('input[name="confirmPassword"]', ADMIN.password);
  await page.click('button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.includes('/auth/'), { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await shot('home');
  expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
});

it('a lead in the Content Manager has Chinese field labels', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/api::lead.lead/${leadId}`);
  await page.waitForSelector('input[name="subject"]');
  await shot('lead-edit');
  for (const label of ['主题', '手机', '目标客户', '负责人']) {
    // relation labels carry a count: `负责人 (1)`
    const pattern = new RegExp('^' + label + String.raw`(\*| \(\d+\))?$`);
    await expect(page.locator('label').filter({ hasText: pattern }).count()).resolves.toBeGreaterThan(0);
  }
  // Strapi's default labels are the attribute names
  await expect(page.locator('label').filter({ hasText: /^(mobile|subject|leadStatus)\*?$/ }).count()).resolves.toBe(0);
  expect(await page.inputValue('input[name="subject"]')).toBe('陈女士咨询滨江壹号三居');
});

it('an invalid mobile is refused with the Chinese message on the field, no crash', async () => {
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('api::lead.lead'));
  await page.fill('input[name="mobile"]', '12345');
  await page.getByRole('button', { name: /保存/ }).click();
  const res = await saved;
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.details).toMatchObject({ code: 'invalid_mobile', field: 'mobile' });
  await page.getByText('手机不是有效的手机号码。').first().waitFor();
  await shot('lead-invalid-mobile');
  expect(crashes).toEqual([]);
  await expect(page.getByText('join is not a function').count()).resolves.toBe(0);
  // nothing half-written
  const row = await app.strapi.documents('api::lead.lead').findOne({ documentId: leadId });
  expect(row?.mobile).toBe('13812345678');
});

it('audit events offer no create, edit or delete; leads do', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/api::lead.lead`);
  await page.waitForSelector('a[href*="api::lead.lead/create"]');
  await page.goto(`${base}/admin/content-manager/collection-types/api::audit-event.audit-event`);
  await page.waitForSelector('table');
  await page.waitForLoadState('networkidle');
  await shot('audit-events');
  await expect(page.locator('a[href*="api::audit-event.audit-event/create"]').count()).resolves.toBe(0);
  // the trail of the refused save above and the creation: rows, read-only
  const perms = await app.strapi.db.query('admin::permission').findMany({ where: { subject: 'api::audit-event.audit-event' } });
  // every admin role: read only
  expect([...new Set(perms.map((p: { action: string }) => p.action))]).toEqual(['plugin::content-manager.explorer.read']);
});

it('no request went to another host during the session', () => {
  expect(foreign).toEqual([]);
});
