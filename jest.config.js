// Unit tests (pure modules), API tests (real Strapi on a fresh database per file) and browser
// tests (headless Chromium against the real server). `npm test` runs them all on two workers
// (scripts/test.ts); each API/browser file boots its own Strapi on its own database, a copy of
// the run's template (tests/helpers/global-setup.ts), with Strapi's modules loaded once per
// worker (tests/helpers/environment.js).
const ts = ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }];
const common = { testEnvironment: 'node', transform: { '^.+\\.tsx?$': ts }, rootDir: __dirname };

module.exports = {
  // generous: a file boots its app and seeds an org in its first hook, slow on a loaded machine
  testTimeout: 300000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'api',
      testEnvironment: '<rootDir>/tests/helpers/environment.js',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: '<rootDir>/tests/helpers/environment.js',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
