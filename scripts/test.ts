// `npm test [jest args]`: the whole suite (unit, API, browser) on SQLite, or on
// PostgreSQL with TEST_DATABASE=postgres. Writes jest's JSON results to .tmp/ for CI.
import { spawnSync } from 'child_process';
import path from 'path';
import { ROOT, TMP } from './lib/paths';

const db = process.env.TEST_DATABASE === 'postgres' || process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const out = process.env.CRM_TEST_RESULTS ?? path.join(TMP, `jest-${db}.json`);
// Two workers: each file boots its own Strapi on its own database, and much of a file's time is
// spent waiting (the database, the browser, child processes), so two fit on two cores.
const workers = process.env.CRM_TEST_WORKERS ?? '2';
const args = [`--maxWorkers=${workers}`, '--forceExit', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
console.log(`[test] database: ${db}; results: ${path.relative(ROOT, out)}`);
const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'jest'), args, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
});
process.exit(r.status ?? 1);
