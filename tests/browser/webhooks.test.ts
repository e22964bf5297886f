// Outgoing webhooks in the staff UI: an admin subscribes a loopback receiver to 线索转化, sees the
// signing secret once, and after a lead is converted sees the delivery with its attempt; the
// receiver checks the signature with the secret the page showed.
import http from 'http';
import fs from 'fs';
import type { AddressInfo } from 'net';
import type { Browser } from 'playwright-core';
import { bootApp, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { launch, login } from '../helpers/browser';
import { verify } from '../../backend/src/api/webhook-subscription/signing';

const SHOTS = '/work/shots';
let app: TestApp;
let browser: Browser;
let base: string;
let admin: Client;
let server: http.Server;
let hookUrl: string;
const received: { raw: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => { received.push({ raw, headers: req.headers }); res.writeHead(204).end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/erp/hook`;
  app = await bootApp({ listen: true });
  base = `http://127.0.0.1:${app.strapi.server.httpServer.address().port}`;
  await app.staff('admin', 'admin');
  admin = await app.as('admin');
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

it('creates a subscription, shows the secret once, and lists the signed delivery of a converted lead', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  await login(page, base, 'admin', PASSWORD);
  await page.getByRole('menuitem', { name: '集成推送' }).click();
  await page.getByText('暂无').or(page.locator('tbody')).first().waitFor();
  await page.getByRole('link', { name: '新建' }).click();
  await page.locator('input[name="name"]').fill('ERP 对接');
  await page.locator('input[name="url"]').fill('ftp://erp.example.com');
  await page.getByRole('checkbox', { name: '线索转化' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  // a typo in the address is caught before saving
  await page.getByText('推送地址须为有效的网址，且不能含用户名或密码。').waitFor();
  await page.locator('input[name="url"]').fill(hookUrl);
  await page.getByRole('button', { name: '保存' }).click();

  const shown = page.getByTestId('webhook-secret');
  await shown.getByText('请立即复制：密钥只显示这一次。', { exact: false }).waitFor();
  const secret = ((await shown.locator('code').textContent()) ?? '').trim();
  expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
  await page.getByText('暂无推送').waitFor();
  await page.screenshot({ path: `${SHOTS}/hooks-created.png`, fullPage: true });

  const lead = (await admin.post('/api/crm/leads', { subject: '孙先生咨询', targetCustomer: '孙先生', mobile: '13911114444' }).expect(201)).body;
  await admin.post(`/api/crm/leads/${lead.id}/convert`, { product: '滨江壹号' }).expect(200);
  await admin.post('/api/crm/jobs/dispatch/run').expect(200);
  expect(received).toHaveLength(1);
  const [call] = received;
  expect(verify(secret, String(call.headers['x-crm-timestamp']), call.raw, call.headers['x-crm-signature'] as string)).toBe(true);
  expect(JSON.parse(call.raw)).toMatchObject({ event: 'lead.converted', data: { id: lead.id, status: 'qualified' } });

  // a reload shows the delivery, and never the secret again
  await page.reload();
  const row = page.locator('[data-testid^="webhook-delivery-"]').first();
  await row.getByText('已发送').waitFor();
  await row.getByText('线索转化', { exact: false }).waitFor();
  await row.getByTestId('webhook-attempts').getByText(/已送达 · 204/).waitFor();
  expect(await page.getByTestId('webhook-secret').count()).toBe(0);
  expect(await page.content()).not.toContain(secret);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).toContain('推送地址');
  expect(text).not.toMatch(/lead\.converted|queued|sent\b/);
  await page.screenshot({ path: `${SHOTS}/hooks-deliveries.png`, fullPage: true });

  // the list shows the subscription with its event in Chinese
  await page.getByRole('menuitem', { name: '集成推送' }).click();
  const listed = page.locator('tbody tr', { hasText: 'ERP 对接' });
  await listed.getByText('线索转化').waitFor();
  await page.screenshot({ path: `${SHOTS}/hooks-list.png`, fullPage: true });
  await context.close();
});
