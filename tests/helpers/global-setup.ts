// Once per `jest` run: compile the backend (and build the staff UI for browser tests) when
// their sources changed, so each test file only boots the already compiled app.
// CRM_TEST_BUILD_UI=false skips the UI while working on the API alone; CRM_TEST_SKIP_PANEL=true
// skips Strapi's admin panel (only admin-panel.test.ts needs it).
import { ensureBuilt } from '../../scripts/lib/build';

export default async function globalSetup() {
  // Strapi's admin panel (≈150 s, 4 GB, once; cached by its sources' hash) for the admin-panel
  // browser test: built here, outside any test's timeout.
  const targets: ('backend' | 'ui' | 'adminPanel')[] = ['backend'];
  if (process.env.CRM_TEST_BUILD_UI !== 'false') targets.push('ui');
  if (process.env.CRM_TEST_BUILD_UI !== 'false' && process.env.CRM_TEST_SKIP_PANEL !== 'true') targets.push('adminPanel');
  ensureBuilt(targets, { log: (s) => process.stderr.write(s + '\n') });
}
