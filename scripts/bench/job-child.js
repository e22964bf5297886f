// One job run in its own process, for scripts/bench/greetings.ts: boots the compiled backend on
// the database the environment names, runs `CRM_BENCH_JOB` once and prints one JSON line: the
// run's time and counts, the resident memory after boot and its peak (the kernel's VmHWM, so
// nothing between two samples is missed). Plain JavaScript: runs with node alone.
const fs = require('fs');
const path = require('path');

const BACKEND = path.resolve(__dirname, '..', '..', 'backend');
const mb = (field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024);

(async () => {
  process.chdir(BACKEND);
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  const { runJob } = require(path.join(BACKEND, 'dist', 'src', 'api', 'job-run', 'scheduler'));
  const job = process.env.CRM_BENCH_JOB;
  if (global.gc) global.gc();
  const rssAfterBootMb = mb('VmRSS');
  // the boot's own peak is behind us: reset the high-water mark so VmHWM is the job's peak
  try { fs.writeFileSync('/proc/self/clear_refs', '5'); } catch { /* not permitted: VmHWM includes the boot */ }
  // where the memory goes: V8's heap, or buffers outside it (sampled; VmHWM is exact)
  let heapPeakMb = 0;
  let externalPeakMb = 0;
  const sampler = setInterval(() => {
    const u = process.memoryUsage();
    heapPeakMb = Math.max(heapPeakMb, Math.round(u.heapUsed / 1048576));
    externalPeakMb = Math.max(externalPeakMb, Math.round((u.external + u.arrayBuffers) / 1048576));
  }, 100);
  const t = Date.now();
  const id = await runJob(job, `bench:${t}`, 'manual', process.env.CRM_BENCH_NOW ? new Date(process.env.CRM_BENCH_NOW) : new Date());
  const ms = Date.now() - t;
  clearInterval(sampler);
  const run = await app.db.query('api::job-run.job-run').findOne({ where: { id } });
  process.stdout.write(`${JSON.stringify({ job, ms, counts: run.counts, error: run.error, rssAfterBootMb, rssPeakMb: mb('VmHWM'), heapPeakMb, externalPeakMb })}\n`);
  await app.destroy();
  process.exit(0);
})().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
