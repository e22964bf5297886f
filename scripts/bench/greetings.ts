// What queuing greetings and reminders costs (issue #16: 200k customers ≤ 10 s, peak RSS ≤ 300 MB).
// On a fresh database (PostgreSQL by default): N customers with today's birthday and a mobile,
// filled with INSERT … SELECT generate_series from a row Strapi wrote (so they are stored exactly
// as Strapi stores them); for reminders also 20 consultants and one planned follow-up per customer
// (half today, half overdue). Then each job runs once in its own process (job-child.js) which
// reports the run's time, counts, RSS after boot and peak RSS (VmHWM). Not part of `npm test`.
//   TEST_DATABASE=postgres npx tsx scripts/bench/greetings.ts --customers 200000 [--jobs greetings,reminders] [--keep]
import path from 'path';
import { spawnSync } from 'child_process';
import { ensureBuilt } from '../lib/build';
import { bootApp } from '../../tests/helpers/app';
import { serverEnv } from '../../tests/helpers/child';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const positional = process.argv.slice(2).find((a) => /^\d+$/.test(a)); // the old `greetings.ts 100000`
  return name === 'customers' && positional ? positional : fallback;
}

const STAFF = 20;

async function fill(strapi: any, n: number, withReminders: boolean) {
  const knex = strapi.db.connection;
  const pg = strapi.db.dialect.client === 'postgres';
  if (!pg) throw new Error('the bench fills PostgreSQL (generate_series): set TEST_DATABASE=postgres');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'sales' } });
  const staff: number[] = [];
  for (let i = 0; i < (withReminders ? STAFF : 1); i++) {
    const u = await strapi.plugin('users-permissions').service('user').add({
      username: `bench${i}`, email: `bench${i}@test.local`, password: 'bench-pass-2026', provider: 'local', confirmed: true, blocked: false, role: role.id, displayName: `顾问${i}`,
    });
    staff.push(u.id);
  }
  const copy = async (uid: string, data: Record<string, unknown>, expr: Record<string, string>, count: number) => {
    const doc: any = await strapi.documents(uid).create({ data });
    const meta = strapi.db.metadata.get(uid);
    const cols = Object.keys(await knex(meta.tableName).columnInfo()).filter((c) => c !== 'id');
    await knex.raw(`INSERT INTO ${meta.tableName} (${cols.map((c) => `"${c}"`).join(', ')})
      SELECT ${cols.map((c) => expr[c] ?? `"${c}"`).join(', ')} FROM ${meta.tableName}, generate_series(1, ${count}) g WHERE id = ?`, [doc.id]);
    return { doc, meta };
  };
  const t0 = Date.now();
  const customers = await copy('api::customer.customer', { name: '模板客户', mobile: '13000000000', birthday: `1980-${today.slice(5)}`, level: 'A' },
    { document_id: "'bc' || g", name: "'客户' || g", mobile: "'13' || lpad(g::text, 9, '0')" }, n - 1);
  console.error(`[bench] ${n} customers in ${Date.now() - t0} ms`);
  if (!withReminders) return;
  const t1 = Date.now();
  // one planned follow-up per generated customer: odd ones later today, even ones overdue by a day
  const soon = new Date(Date.now() + 60000).toISOString();
  const { meta } = await copy('api::interaction.interaction', { kind: 'phone', subject: '回访', state: 'planned', start: soon },
    { document_id: "'bi' || g", subject: "'回访客户' || g", start: `CASE WHEN g % 2 = 0 THEN start - interval '1 day' ELSE start END` }, n - 1);
  const link = async (attr: string, value: string) => {
    const jt = meta.attributes[attr].joinTable;
    await knex.raw(`INSERT INTO ${jt.name} (${jt.joinColumn.name}, ${jt.inverseJoinColumn.name}) SELECT i.id, ${value} FROM ${meta.tableName} i WHERE i.document_id LIKE 'bi%'`);
  };
  const cust = strapi.db.metadata.get('api::customer.customer').tableName;
  await link('owner', `(ARRAY[${staff.join(',')}])[1 + (substr(i.document_id, 3)::int % ${staff.length})]`);
  await link('customer', `(SELECT c.id FROM ${cust} c WHERE c.document_id = 'bc' || substr(i.document_id, 3))`);
  await knex.raw(`ANALYZE`);
  console.error(`[bench] ${n} planned follow-ups for ${staff.length} consultants in ${Date.now() - t1} ms (customers: ${customers.meta.tableName})`);
}

async function main() {
  const n = Number(option('customers', '100000'));
  const jobs = option('jobs', 'greetings,reminders').split(',');
  process.env.TEST_DATABASE ??= 'postgres';
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  const app = await bootApp();
  const db = app.database;
  try {
    await fill(app.strapi, n, jobs.includes('reminders'));
    await app.stop({ keepDatabase: true });
    for (const job of jobs) {
      const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'job-child.js')], {
        env: serverEnv(db.env, { CRM_JOBS: 'false', CRM_BENCH_JOB: job }), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24,
      });
      if (r.status !== 0) throw new Error(`${job} child exited ${r.status}`);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      console.log(JSON.stringify({ customers: n, ...out, perCustomerMs: +(out.ms / n).toFixed(4) }));
    }
  } finally {
    if (process.argv.includes('--keep')) console.error(`[bench] kept ${JSON.stringify(db.env)}`);
    else await db.drop();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
