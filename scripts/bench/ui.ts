// The staff UI's side of the benchmark (issue #16): the initial JS a browser must load before
// anything shows (gzip, from the Vite build in admin-ui/dist), and the first render of a list in
// headless Chromium against our server on the benchmark data — from navigation to the first
// data row on screen, with the whole stack (auth, the list request with its exact total).
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { chromium } from 'playwright-core';
import { ROOT } from '../lib/paths';

/** Gzip size of the scripts index.html loads at once (entry + modulepreloads), if built. */
export function uiInitialJs(dist = path.join(ROOT, 'admin-ui', 'dist')): { files: number; gzipKb: number } | undefined {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return undefined;
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]))];
  const bytes = files.reduce((n, f) => {
    const p = path.join(dist, f);
    return fs.existsSync(p) ? n + zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length : n;
  }, 0);
  return { files: files.length, gzipKb: bytes / 1024 };
}

export interface RenderTimes {
  coldMs: number;
  warmMs: number[];
  /** with `trace`: the cold load's requests (API and scripts), ms after navigation, to see a waterfall */
  coldRequests?: Array<{ url: string; startMs: number; endMs: number }>;
}

/**
 * Signs in through the login form, then times `#/<resource>` until its first row shows: once in a
 * new browser context (empty HTTP cache: every script fetched) and `warm` times in a page of the
 * same context (scripts cached, as on a member's second visit).
 */
export async function firstListRender(base: string, username: string, password: string, resource = 'leads', warm = 3, trace = false): Promise<RenderTimes> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const signIn = await browser.newContext({ timezoneId: 'UTC', locale: 'zh-CN' });
    const page = await signIn.newPage();
    await page.goto(`${base}/#/login`);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 120000 });
    const state = await signIn.storageState();
    await signIn.close();

    let t0 = 0;
    const time = async (p: import('playwright-core').Page) => {
      t0 = Date.now();
      await p.goto(`${base}/#/${resource}`);
      await p.locator('tbody tr').first().waitFor({ timeout: 120000 });
      return Date.now() - t0;
    };
    const cold = await browser.newContext({ timezoneId: 'UTC', locale: 'zh-CN', storageState: state });
    const first = await cold.newPage();
    const coldRequests: NonNullable<RenderTimes['coldRequests']> = [];
    if (trace) {
      const started = new Map<import('playwright-core').Request, number>();
      first.on('request', (r) => started.set(r, Date.now() - t0));
      first.on('requestfinished', (r) => {
        const s = started.get(r);
        if (s !== undefined) coldRequests.push({ url: r.url().replace(base, ''), startMs: s, endMs: Date.now() - t0 });
      });
    }
    const coldMs = await time(first);
    const warmMs: number[] = [];
    for (let i = 0; i < warm; i += 1) {
      const p = await cold.newPage();
      warmMs.push(await time(p));
      await p.close();
    }
    await cold.close();
    return trace ? { coldMs, warmMs, coldRequests } : { coldMs, warmMs };
  } finally {
    await browser.close();
  }
}
