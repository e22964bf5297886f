// jest's node environment, with the worker's own `require` and `process.env` for the app: Strapi
// and the compiled backend load once per worker (node's module cache) instead of once per test
// file through jest's module registry (6 s idle, 25 s under load, per file). Each file still
// boots its own Strapi instance on its own database. The test shares the worker's env with the
// app (a test may set SMS_PROVIDER for the next send) and gets it back as it found it.
const { TestEnvironment } = require('jest-environment-node');

class CrmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.envAtStart = { ...process.env };
    this.global.process.env = process.env;
    this.global.__crmNativeRequire = require;
    // A test's dates reach the app's database layer, which knows a date by the worker realm's Date.
    this.global.Date = Date;
  }

  async teardown() {
    for (const k of Object.keys(process.env)) if (!(k in this.envAtStart)) delete process.env[k];
    Object.assign(process.env, this.envAtStart);
    await super.teardown();
  }
}

module.exports = CrmEnvironment;
