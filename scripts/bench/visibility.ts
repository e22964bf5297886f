// Benchmark: does department visibility stay fast on a deep org tree and many records?
// `npx tsx scripts/bench/visibility.ts` (TEST_DATABASE=postgres for PostgreSQL).
// One process, one database, the same data for every case; each case is reported as a ratio
// against the baseline (an admin's unscoped page of customers). The bulk data is inserted with
// plain SQL because it is scaffolding, not business writes: the rules are not under test here.
import crypto from 'crypto';
import { ensureBuilt } from '../lib/build';
import { bootApp, listQuery } from '../../tests/helpers/app';

const DEPTH = Number(process.env.BENCH_DEPTH ?? 400); // a chain of nested departments
const STAFF = Number(process.env.BENCH_STAFF ?? 2000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function main() {
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  const app = await bootApp();
  const { strapi } = app;
  const knex = strapi.db.connection;
  const now = new Date();
  const base = () => ({ document_id: crypto.randomBytes(12).toString('hex'), created_at: now, updated_at: now, published_at: now });
  const link = (uid: string, attr: string) => {
    const jt = strapi.db.metadata.get(uid).attributes[attr].joinTable;
    return { table: jt.name, from: jt.joinColumn.name, to: jt.inverseJoinColumn.name };
  };
  const insertMany = async (table: string, rows: Record<string, unknown>[]) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const res = await knex(table).insert(rows.slice(i, i + 500)).returning('id');
      ids.push(...res.map((r: any) => (typeof r === 'object' ? r.id : r)));
    }
    return ids;
  };

  const t0 = Date.now();
  // Departments: a chain DEPTH deep under the root; staff spread along it.
  const deptIds = await insertMany('departments', Array.from({ length: DEPTH }, (_, i) => ({ ...base(), name: `部门${i}`, order: i, version: 1 })));
  const parent = link('api::department.department', 'parent');
  await insertMany(parent.table, deptIds.slice(1).map((id, i) => ({ [parent.from]: id, [parent.to]: deptIds[i] })));
  const salesRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'sales' } });
  const userIds = await insertMany('up_users', Array.from({ length: STAFF }, (_, i) => ({
    ...base(), username: `bench${i}`, email: `bench${i}@bench.local`, provider: 'local', confirmed: true, blocked: false, password: 'x',
  })));
  const dept = link('plugin::users-permissions.user', 'department');
  await insertMany(dept.table, userIds.map((id, i) => ({ [dept.from]: id, [dept.to]: deptIds[Math.floor((i * DEPTH) / STAFF)] })));
  const role = link('plugin::users-permissions.user', 'role');
  await insertMany(role.table, userIds.map((id) => ({ [role.from]: id, [role.to]: salesRole.id })));
  const custIds = await insertMany('customers', Array.from({ length: CUSTOMERS }, (_, i) => ({
    ...base(), name: `客户${i}`, mobile: `139${String(i).padStart(8, '0')}`, type: 'potential', gender: 'unknown', hot: false, in_pool: false, version: 1,
  })));
  const owner = link('api::customer.customer', 'owner');
  await insertMany(owner.table, custIds.map((id, i) => ({ [owner.from]: id, [owner.to]: userIds[i % STAFF] })));
  console.log(`seeded ${DEPTH} nested departments, ${STAFF} staff, ${CUSTOMERS} customers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // The measured callers: an admin, a manager at the top of the chain (whole tree), one
  // half-way down, one at the bottom, and a consultant.
  await app.staff('benchadmin', 'admin');
  await app.staff('mgrtop', 'sales-manager', { department: deptIds[0] });
  await app.staff('mgrmid', 'sales-manager', { department: deptIds[Math.floor(DEPTH / 2)] });
  await app.staff('mgrleaf', 'sales-manager', { department: deptIds[DEPTH - 1] });
  const cases: [string, string][] = [['admin (all, baseline)', 'benchadmin'], ['manager, top of tree', 'mgrtop'], ['manager, half-way', 'mgrmid'], ['manager, leaf', 'mgrleaf']];
  const url = `/api/crm/customers?${listQuery({ sort: ['name', 'ASC'], range: [0, 24] })}`;
  const results: Record<string, number> = {};
  for (const [label, user] of cases) {
    const client = await app.as(user);
    await client.get(url).expect(200); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint();
      const res = await client.get(url).expect(200);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (i === 0) console.log(`${label}: ${res.headers['content-range']}`);
    }
    times.sort((a, b) => a - b);
    results[label] = times[Math.floor(times.length / 2)];
  }
  const baseline = results[cases[0][0]];
  console.log(`\nmedian of ${RUNS} page loads (25 customers + total), ratio to the baseline:`);
  for (const [label] of cases) console.log(`  ${label.padEnd(24)} ${results[label].toFixed(1).padStart(7)} ms  ×${(results[label] / baseline).toFixed(2)}`);
  await app.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
