// Once per `jest` run: compile the backend (and build the staff UI for browser tests) when
// their sources changed, so each test file only boots the already compiled app.
import { ensureBuilt } from '../../scripts/lib/build';

export default async function globalSetup() {
  ensureBuilt(['backend', 'ui'], { log: (s) => process.stderr.write(s + '\n') });
}
