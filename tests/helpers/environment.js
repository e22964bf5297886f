// The API and browser tests' jest environment: jest's node environment, plus Node's own require
// and process for tests/helpers/app.ts, so that Strapi and the compiled backend are loaded once per
// jest worker rather than once per test file (jest gives each file a fresh module registry: ~8 s
// of loading a file, where a boot on loaded modules takes ~2 s).
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

class CrmEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.crmNodeRequire = require;
    this.global.crmNodeProcess = process;
    // The app now lives in the worker's realm: a Date a test makes (`new Date(…)` handed to knex or
    // the query engine) must be that realm's Date, or their `instanceof Date` checks miss it.
    this.global.Date = Date;
  }
}

module.exports = CrmEnvironment;
