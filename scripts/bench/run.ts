// `npm run bench`: list pages at scale on PostgreSQL, ours against stock Strapi and hand-written
// SQL, in one run, interleaved. Not part of `npm test`.
//   npm run bench                                   # fresh database, scale 1 (1M leads), all cases
//   npm run bench -- --scale 0.05 --runs 5 --duration 2
//   npm run bench -- --database-url postgres://…/crm_bench_1_x --resources leads --keep
// Options: --resources a,b  --callers admin,manager  --filters none,q2  --connections 1,10,50
//   --throughput lists|all|none  --out docs/benchmarks.md  --keep (leave a new database behind)
//   --no-build (run the backend and the staff UI as last built)  --no-ui (skip the browser render)
//   --features calendar,reports,jobs|none (default all: features.ts)  --feature-timeout 120 (s per request)
//   --job-timeout 600 (s per job, boot included)
// Per case: `runs` rounds at 1 connection, each round one request to each of ours, stock and SQL
// in rotating order (p50/p95, and throughput at 1 = 1/mean); then autocannon at 10 and 50
// connections for the throughput cases. Totals are compared: a mismatch is reported.
import autocannon from 'autocannon';
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { ensureBuilt } from '../lib/build';
import { ROOT } from '../lib/paths';
import { login, serverEnv, startServer } from '../../tests/helpers/child';
import { BENCH_PASSWORD, dropDatabase, prepareDatabase } from './data';
import { firstListRender, uiInitialJs, type RenderTimes } from './ui';
import { FEATURES, featuresSection, measureFeatures, type Feature, type FeatureResults } from './features';
import { fmt, pct } from './stats';
import { CALLERS, FILTERS, RESOURCES, cases, label, ourPath, refPath, type BenchCase, type Caller, type FilterKind } from './cases';

const args = process.argv.slice(2);
const flag = (k: string, d?: string) => { const i = args.indexOf(`--${k}`); return i >= 0 ? args[i + 1] : d; };
const list = (k: string, all: string[]) => (flag(k)?.split(',') ?? all);
const log = (s: string) => console.error(s);

type Impl = 'ours' | 'stock' | 'sql';
const IMPLS: Impl[] = ['ours', 'stock', 'sql'];
interface Sample { ms: number[]; total?: number; status?: number; error?: string }

const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '—');

function startReference(env: Record<string, string>): Promise<{ base: string; stop: () => Promise<void>; rssMb: () => number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'reference-server.ts')], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err = (err + d).slice(-4000); });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({
        base: `http://127.0.0.1:${m[1]}`,
        stop: () => new Promise((r) => { proc.once('exit', () => r()); proc.kill('SIGTERM'); }),
        rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]) / 1024,
      });
    });
    proc.once('exit', (code) => reject(new Error(`reference server exited (${code}): ${err}`)));
  });
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; total?: number }> {
  const s = process.hrtime.bigint();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  const range = res.headers.get('content-range');
  return { ms, status: res.status, total: range ? Number(range.split('/')[1]) : undefined };
}

async function main() {
  const scale = Number(flag('scale', '1'));
  const runs = Number(flag('runs', '15'));
  const duration = Number(flag('duration', '5'));
  const connections = list('connections', ['1', '10', '50']).map(Number);
  const out = path.resolve(ROOT, flag('out', 'docs/benchmarks.md')!);
  const features = (flag('features') === 'none' ? [] : list('features', [...FEATURES])) as Feature[];
  const unknown = features.find((f) => !FEATURES.includes(f));
  if (unknown) throw new Error(`--features: ${unknown} is not one of ${FEATURES.join(', ')} or none`);
  if (!args.includes('--no-build')) ensureBuilt(['backend', 'ui'], { log });
  const db = await prepareDatabase({ scale, url: flag('database-url'), log });
  const env = { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url };
  const callers = { admin: db.data.staff.admin, manager: db.data.staff.manager, consultant: db.data.staff.consultant } as Record<Caller, string>;
  const pool = { DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '10', CRM_JOBS: 'false', CRM_LOGIN_ADDRESS_PER_MINUTE: '100000' };
  const ours = await startServer(serverEnv(env, pool), 300000);
  const ref = await startReference(serverEnv(env, { ...pool, BENCH_CALLERS: JSON.stringify(callers) }));
  const results = new Map<string, Record<Impl, Sample>>();
  const rps: { case: string; connections: number; value: Record<Impl, number | undefined> }[] = [];
  try {
    const tokens = {} as Record<Caller, string>;
    for (const c of CALLERS) tokens[c] = (await login(ours.base, callers[c], BENCH_PASSWORD)).token;
    const selected = cases(
      RESOURCES.filter((r) => list('resources', RESOURCES.map((x) => x.name)).includes(r.name)),
      list('callers', CALLERS) as Caller[], list('filters', FILTERS) as FilterKind[],
    );
    const target = (impl: Impl, c: BenchCase) => impl === 'ours'
      ? { url: `${ours.base}${ourPath(c)}`, headers: { authorization: `Bearer ${tokens[c.caller]}` } as Record<string, string> }
      : { url: `${ref.base}${refPath(impl, c)}`, headers: {} as Record<string, string> };
    const t0 = Date.now();
    for (const [k, c] of selected.entries()) {
      const r = { ours: { ms: [] }, stock: { ms: [] }, sql: { ms: [] } } as Record<Impl, Sample>;
      for (let i = -1; i < runs; i += 1) { // round -1 warms the caches and is not counted
        for (let j = 0; j < IMPLS.length; j += 1) {
          const impl = IMPLS[(i + 1 + j) % IMPLS.length];
          const s = r[impl];
          if (s.status && s.status !== 200) continue;
          const { url, headers } = target(impl, c);
          const got = await timed(url, headers);
          s.status = got.status;
          if (got.status !== 200) { s.error = `HTTP ${got.status}`; continue; }
          s.total = got.total;
          if (i >= 0) s.ms.push(got.ms);
        }
      }
      results.set(label(c), r);
      const mismatch = r.ours.total !== r.sql.total ? `  TOTAL MISMATCH ours ${r.ours.total} sql ${r.sql.total}` : '';
      log(`[bench] ${k + 1}/${selected.length} ${label(c)}: total ${r.sql.total} ours ${fmt(pct(r.ours.ms, 0.5), 1)} stock ${fmt(pct(r.stock.ms, 0.5), 1)} sql ${fmt(pct(r.sql.ms, 0.5), 1)} ms${mismatch}`);
    }
    // Throughput under load, one implementation at a time.
    const mode = flag('throughput', 'lists');
    const heavy = mode === 'none' ? [] : selected.filter((c) => mode === 'all' || (c.resource.name === selected[0].resource.name && (c.filter === 'none' || (c.caller === 'admin' && c.filter === 'q2'))));
    for (const c of heavy) {
      for (const n of connections.filter((x) => x > 1)) {
        const value = {} as Record<Impl, number | undefined>;
        for (const impl of IMPLS) {
          if (results.get(label(c))![impl].status !== 200) continue;
          const { url, headers } = target(impl, c);
          const res = await autocannon({ url, headers, connections: n, duration });
          value[impl] = res.non2xx || res.errors ? undefined : res['2xx'] / res.duration;
        }
        rps.push({ case: label(c), connections: n, value });
        log(`[bench] ${label(c)} @${n}: ours ${fmt(value.ours, 1)} stock ${fmt(value.stock, 1)} sql ${fmt(value.sql, 1)} req/s`);
      }
    }
    let feat: FeatureResults | undefined;
    if (features.length) {
      feat = await measureFeatures({
        selected: features, server: { base: ours.base, pid: ours.proc.pid! }, tokens, databaseUrl: db.url, env: serverEnv(env, pool), runs,
        timeoutMs: Number(flag('feature-timeout', '120')) * 1000, jobTimeoutMs: Number(flag('job-timeout', '600')) * 1000, log,
      });
    }
    const ui = uiInitialJs();
    let render: RenderTimes | undefined;
    if (!args.includes('--no-ui')) {
      render = await firstListRender(ours.base, callers.admin, BENCH_PASSWORD);
      log(`[bench] first list render (leads, admin): cold ${render.coldMs} ms, warm ${render.warmMs.join(', ')} ms`);
    }
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const pgVersion = (await pg.query('SHOW server_version')).rows[0].server_version;
    await pg.end();
    const md = report({ scale: db.created ? scale : 'reused database', runs, duration, counts: db.data.counts, pgVersion, results, rps, ui, render, rss: { ours: ours.rssMb(), ref: ref.rssMb() }, features: feat, minutes: (Date.now() - t0) / 60000 });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, md);
    console.log(md);
    log(`[bench] written to ${path.relative(ROOT, out)}`);
  } finally {
    await ours.stop();
    await ref.stop();
    if (db.created && !args.includes('--keep')) await dropDatabase(db.url);
    else log(`[bench] database kept: ${db.url}`);
  }
}

function report(r: {
  scale: number | string; runs: number; duration: number; counts: Record<string, number>; pgVersion: string;
  results: Map<string, Record<Impl, Sample>>; rps: { case: string; connections: number; value: Record<Impl, number | undefined> }[];
  ui?: { files: number; gzipKb: number }; render?: RenderTimes; rss: { ours: number; ref: number }; features?: FeatureResults; minutes: number;
}) {
  const cpu = os.cpus();
  const lines = [
    '# Benchmarks: list pages at scale',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench\` on ${os.hostname()}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
      `Node ${process.version}, PostgreSQL ${r.pgVersion}; scale ${r.scale} (${Object.entries(r.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}); ${r.minutes.toFixed(1)} min.`,
    '',
    `Each row: the page of 25 with its exact total, sorted as the UI sorts the list. p50/p95 in ms over ${r.runs} interleaved rounds at 1 connection ` +
      '(ours, stock, SQL in rotating order). *ours*: `GET /api/crm/<resource>` with a bearer token (auth, visibility, custom fields, the whole stack); ' +
      '*stock*: Strapi 5 Document Service `findMany` + `count` with the filters a Strapi developer writes (`owner.id $in team`, `$containsi`), behind a bare `node:http` handler, no auth; ' +
      '*SQL*: the same page and total hand-written through `pg` (semi-join on the owner link table, indexed sort, token index for `q`): the physical limit. ' +
      'The ratios are ours against SQL and ours against stock in the same run. "n/a": the Document Service cannot filter inside JSON.',
    '',
    '| case | total | ours p50 | ours p95 | stock p50 | stock p95 | SQL p50 | SQL p95 | ours / SQL | ours / stock |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const p50 = (s: Sample) => (s.ms.length ? pct(s.ms, 0.5) : undefined);
  for (const [name, s] of r.results) {
    const cell = (x: Sample, p: number) => (x.status === 501 ? 'n/a' : x.error ? x.error : fmt(pct(x.ms, p), 1));
    const total = s.ours.total === s.sql.total ? (s.sql.total ?? 0).toLocaleString('en') : `ours ${s.ours.total} ≠ SQL ${s.sql.total}`;
    lines.push(`| ${name} | ${total} | ${cell(s.ours, 0.5)} | ${cell(s.ours, 0.95)} | ${cell(s.stock, 0.5)} | ${cell(s.stock, 0.95)} | ${cell(s.sql, 0.5)} | ${cell(s.sql, 0.95)} | ${ratio(p50(s.ours), p50(s.sql))} | ${ratio(p50(s.ours), p50(s.stock))} |`);
  }
  const mean = (s: Sample) => (s.ms.length ? 1000 / (s.ms.reduce((a, b) => a + b, 0) / s.ms.length) : undefined);
  lines.push('', `Throughput (requests/s; 1 connection from the rounds above, 10 and 50 with autocannon for ${r.duration} s each):`, '',
    '| case | connections | ours | stock | SQL | ours / stock | ours / SQL |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const name of new Set(r.rps.map((x) => x.case))) {
    const s = r.results.get(name)!;
    const one = { ours: mean(s.ours), stock: mean(s.stock), sql: mean(s.sql) };
    for (const row of [{ connections: 1, value: one }, ...r.rps.filter((x) => x.case === name)]) {
      const v = row.value;
      lines.push(`| ${name} | ${row.connections} | ${fmt(v.ours, 1)} | ${fmt(v.stock, 1)} | ${fmt(v.sql, 1)} | ${ratio(v.ours, v.stock)} | ${ratio(v.ours, v.sql)} |`);
    }
  }
  // Targets of issue #16 that this run measures.
  const entries = [...r.results.entries()];
  const within = entries.filter(([, s]) => p50(s.ours) && p50(s.sql) && p50(s.ours)! <= 1.5 * Math.max(p50(s.sql)!, 1));
  const mgr = entries.filter(([n]) => n.includes(' · manager · ')).map(([n, s]) => {
    const admin = r.results.get(n.replace(' · manager · ', ' · admin · '));
    return admin && p50(s.ours)! <= 1.2 * p50(admin.ours)!;
  });
  const qs = entries.filter(([n]) => n.includes(' · q '));
  const qFast = qs.filter(([, s]) => (p50(s.ours) ?? Infinity) <= 50);
  const at10 = r.rps.filter((x) => x.connections === 10);
  lines.push('', 'Targets (issue #16):', '',
    `- list p50 ≤ 1.5× SQL (SQL under 1 ms counted as 1 ms): ${within.length} of ${entries.length} cases`,
    `- manager p50 ≤ 1.2× admin with the same filter: ${mgr.filter(Boolean).length} of ${mgr.length}`,
    `- \`q\` p50 ≤ 50 ms: ${qFast.length} of ${qs.length}`,
    `- throughput ≥ 2× stock at 10 connections: ${at10.filter((x) => x.value.ours && x.value.stock && x.value.ours >= 2 * x.value.stock).length} of ${at10.length}`,
    `- server RSS after the run: ours ${r.rss.ours.toFixed(0)} MB, reference (Strapi + pg) ${r.rss.ref.toFixed(0)} MB`,
    `- staff UI initial JS: ${r.ui ? `${r.ui.gzipKb.toFixed(0)} KB gzip in ${r.ui.files} files (target ≤ 300 KB)` : 'not built (npm run build), not measured'}`,
    `- first list render in headless Chromium (leads, admin, 1M rows; navigation to the first row): ${r.render ? `${r.render.coldMs} ms cold (empty cache), ${pct(r.render.warmMs, 0.5)} ms warm (median of ${r.render.warmMs.length}; target ≤ 1.5 s)` : 'not measured (--no-ui)'}`,
    '');
  if (r.features) lines.push(...featuresSection(r.features, r.runs), '');
  return lines.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
