// Benchmark: a big spreadsheet import (dry run, then commit) through the real write path.
// `npx tsx scripts/bench/import.ts` (TEST_DATABASE=postgres for PostgreSQL; BENCH_ROWS, default 100000).
// The HTTP body limit (1 MB) caps what one request carries, so this calls the import service
// in-process, exactly as the route does (crm/import.ts#importRows), as a signed-in admin, and
// samples the process's RSS while it runs. Progress is printed every 5% of the rows.
// BENCH_DRY=0 skips the dry run (the commit alone, to compare two builds in less time).
import path from 'path';
import { ensureBuilt } from '../lib/build';
import { BACKEND } from '../lib/paths';
import { bootApp } from '../../tests/helpers/app';

const ROWS = Number(process.env.BENCH_ROWS ?? 100000);
const PROGRESS = Math.max(100, Math.floor(ROWS / 20));
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function main() {
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  const app = await bootApp();
  const { strapi } = app;
  const dist = (m: string) => require(path.join(BACKEND, 'dist', 'src', 'crm', m));
  const { importRows } = dist('import');
  const { loadActor } = dist('org');
  const { roleTable } = dist('roles');
  const { withWrite } = dist('write-context');
  const adminId = await app.staff('benchadmin', 'admin');
  for (let i = 0; i < 4; i++) await app.staff(`benchsales${i}`, 'sales');
  const actor = await loadActor(strapi, roleTable(), adminId);
  const lines = ['主题,认知途径,跟进级别,目标客户,手机'];
  for (let i = 0; i < ROWS; i++) lines.push(`线索${i},网络,A,客户${i},137${String(i).padStart(8, '0')}`);
  const file = lines.join('\n');
  console.log(`file: ${ROWS} rows, ${mb(Buffer.byteLength(file))}`);

  // BENCH_SQL=1: where the database time goes (statement shapes by total time)
  const sql = new Map<string, { n: number; ms: number }>();
  if (process.env.BENCH_SQL) {
    const started = new Map<string, number>();
    strapi.db.connection.on('query', (q: any) => started.set(q.__knexQueryUid, performance.now()));
    strapi.db.connection.on('query-response', (_r: any, q: any) => {
      const key = String(q.sql).replace(/\?(, \?)*/g, '?').replace(/\(\?\)(, \(\?\))*/g, '(?)').slice(0, 110);
      const e = sql.get(key) ?? { n: 0, ms: 0 };
      e.n += 1;
      e.ms += performance.now() - (started.get(q.__knexQueryUid) ?? performance.now());
      started.delete(q.__knexQueryUid);
      sql.set(key, e);
    });
  }
  if (process.env.BENCH_SQL) console.log(`import starts at ${process.hrtime.bigint() / 1000n} µs`);
  for (const dryRun of process.env.BENCH_DRY === '0' ? [false] : [true, false]) {
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const s = Date.now();
    const report = await withWrite({ actor: { id: actor.id, name: actor.name } }, () =>
      importRows(actor, 'leads', { file, roundRobin: true }, dryRun, (done: number) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (done % PROGRESS === 0) console.log(`  ${dryRun ? 'dry run' : 'commit'}: ${done} rows, ${((Date.now() - s) / 1000).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss)}`);
      }));
    clearInterval(sampler);
    const ms = Date.now() - s;
    console.log(`${dryRun ? 'dry run' : 'commit'}: ${report.total} rows, valid ${report.valid}, imported ${report.imported}, errors ${report.errors.length} in ${(ms / 1000).toFixed(1)} s (${(ms / report.total * 1000).toFixed(0)} ms per 1000 rows); RSS before ${mb(base)}, peak ${mb(peak)} (+${mb(peak - base)})`);
  }
  // each shape's time per 1000 rows of the file too, to compare runs of different sizes
  for (const [k, v] of [...sql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`${v.ms.toFixed(0).padStart(7)} ms ${(v.ms / ROWS * 1000).toFixed(0).padStart(5)} ms/1000 ${String(v.n).padStart(6)}× ${k}`);
  // where the machine's other work may have slowed this run (2 cores, shared)
  console.log(`load average at the end: ${require('os').loadavg().map((x: number) => x.toFixed(2)).join(' ')}`);
  await app.stop().catch(() => undefined); // a pool still closing may abort; the figures are out
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
