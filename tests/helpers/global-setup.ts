// Once per `jest` run: compile the backend (and build the staff UI for browser tests) when
// their sources changed, so each test file only boots the already compiled app.
// CRM_TEST_BUILD_UI=false skips the UI while working on the API alone.
import { ensureBuilt } from '../../scripts/lib/build';

export default async function globalSetup() {
  const targets: ('backend' | 'ui')[] = process.env.CRM_TEST_BUILD_UI === 'false' ? ['backend'] : ['backend', 'ui'];
  ensureBuilt(targets, { log: (s) => process.stderr.write(s + '\n') });
}
