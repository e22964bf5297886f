// What queuing greetings costs: N customers (default 100k) with today's birthday on a fresh
// PostgreSQL database, filled with INSERT … SELECT generate_series from a row Strapi wrote (so
// they are stored exactly as Strapi stores them), then one greetings run. Prints time, rows
// queued and the process's RSS before and at peak. Not part of `npm test`.
//   TEST_DATABASE=postgres npx tsx scripts/bench/greetings.ts [count]
import path from 'path';
import { BACKEND } from '../lib/paths';
import { ensureBuilt } from '../lib/build';
import { bootApp } from '../../tests/helpers/app';

async function main() {
  const n = Number(process.argv[2] ?? 100000);
  process.env.TEST_DATABASE ??= 'postgres';
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  const app = await bootApp();
  const strapi = app.strapi;
  try {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const doc: any = await strapi.documents('api::customer.customer').create({ data: { name: '模板客户', mobile: '13000000000', birthday: `1980-${today.slice(5)}`, level: 'A' } });
    const meta = strapi.db.metadata.get('api::customer.customer');
    const knex = strapi.db.connection;
    const cols = Object.keys(await knex(meta.tableName).columnInfo()).filter((c) => c !== 'id');
    const expr: Record<string, string> = {
      document_id: "'bench' || g", name: "'客户' || g", mobile: "'13' || lpad(g::text, 9, '0')",
    };
    const t0 = Date.now();
    await knex.raw(`INSERT INTO ${meta.tableName} (${cols.join(', ')})
      SELECT ${cols.map((c) => expr[c] ?? c).join(', ')} FROM ${meta.tableName}, generate_series(1, ${n}) g WHERE id = ?`, [doc.id]);
    console.error(`[bench] inserted ${n} customers in ${Date.now() - t0} ms`);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const { runJob } = require(path.join(BACKEND, 'dist', 'src', 'api', 'job-run', 'scheduler'));
    const t1 = Date.now();
    const runId = await runJob('greetings', `bench:${Date.now()}`, 'manual');
    const ms = Date.now() - t1;
    clearInterval(timer);
    const run: any = await strapi.db.query('api::job-run.job-run').findOne({ where: { id: runId } });
    const rows = Number((await knex('messages').count({ c: '*' }))[0].c);
    console.log(JSON.stringify({
      customers: n + 1, ms, perCustomerMs: +(ms / (n + 1)).toFixed(3), counts: run.counts, error: run.error, outboxRows: rows,
      rssBeforeMb: Math.round(rssBefore / 1048576), rssPeakMb: Math.round(peak / 1048576),
    }));
  } finally {
    await app.stop();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
