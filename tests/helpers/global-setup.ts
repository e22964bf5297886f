// Once per `jest` run: compile the backend (and build the staff UI for browser tests) when
// their sources changed, then boot the app once on a template database that every test file
// copies instead of paying a first boot (schema sync, roles, shipped config: 12–18 s a file).
// CRM_TEST_BUILD_UI=false skips the UI while working on the API alone; CRM_TEST_SKIP_PANEL=true
// skips Strapi's admin panel (only admin-panel.test.ts needs it); CRM_TEST_TEMPLATE=off boots
// every file on an empty database, as before.
import { spawnSync } from 'child_process';
import path from 'path';
import { ensureBuilt } from '../../scripts/lib/build';
import { freshDatabase, templateOf } from './database';
import { testEnv } from './app';

export default async function globalSetup() {
  // Strapi's admin panel (≈150 s, 4 GB, once; cached by its sources' hash) for the admin-panel
  // browser test: built here, outside any test's timeout.
  const targets: ('backend' | 'ui' | 'adminPanel')[] = ['backend'];
  if (process.env.CRM_TEST_BUILD_UI !== 'false') targets.push('ui');
  if (process.env.CRM_TEST_BUILD_UI !== 'false' && process.env.CRM_TEST_SKIP_PANEL !== 'true') targets.push('adminPanel');
  ensureBuilt(targets, { log: (s) => process.stderr.write(s + '\n') });

  // Each project (api, browser) runs this; one template serves the run. Workers inherit the env.
  if (process.env.CRM_TEST_TEMPLATE) return;
  const db = await freshDatabase();
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(__dirname, 'template-boot.js')], {
    env: { ...process.env, ...testEnv(db) }, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300000,
  });
  if (r.status !== 0) throw new Error(`template database: first boot failed (${r.status ?? r.signal})`);
  process.env.CRM_TEST_TEMPLATE = templateOf(db);
  (globalThis as { crmTemplate?: typeof db }).crmTemplate = db;
  process.stderr.write(`[test] template database ready in ${Date.now() - started} ms\n`);
}
