// The calendar, the reports and the jobs over the full benchmark data (issue #16), for run.ts:
// - calendar: GET /api/crm/calendar with the week and the month grid the staff UI asks for
//   (FollowUpCalendar: Monday-first, month = 6 weeks), per caller;
// - reports: every report (the server's list: an unknown name's 404 names them) all time, as the
//   dashboard asks, and over 30 days, for admin and manager; the server's RSS after and its peak;
// - jobs: every scheduled job (GET /api/crm/jobs) run once through job-child.js on the bench
//   database, time, peak RSS and the run's counts. The children get no mail/SMS settings and
//   no network (no-network.js); a job that sends is skipped only if the database names outside
//   endpoints it would send to.
// Rounds are as run.ts's: one uncounted warm-up, then `runs` timed requests at 1 connection.
import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { fromWallClock, setCrmTimeZone, toWallClock } from '../../admin-ui/src/common/dates';
import { fmt, pct } from './stats';

export const FEATURES = ['calendar', 'reports', 'jobs'] as const;
export type Feature = (typeof FEATURES)[number];

/** A request slower than this is a finding: it is reported, not repeated. */
const SLOW_MS = 30_000;
/** Messages go out only through this job (SPEC: "dispatch (sends queued messages with retries)"). */
const SENDER = 'dispatch';
const DAY = 86_400_000;

export interface Timing { feature: 'calendar' | 'reports'; name: string; caller: string; query: string; ms: number[]; rows?: number; error?: string }
export interface JobResult { job: string; ms?: number; counts?: Record<string, unknown>; error?: string; rssAfterBootMb?: number; rssPeakMb?: number; heapPeakMb?: number; skipped?: string; refused?: number }
export interface FeatureResults {
  selected: Feature[];
  timings: Timing[];
  /** the server process after the calendar and reports: resident now, and its peak */
  server?: { rssMb: number; peakMb: number; peakSince: 'the calendar' | 'boot' };
  jobs: JobResult[];
  /** the CRM day the week, month and 30-day ranges are built around */
  anchor: string;
}

interface Server { base: string; pid: number }
type Tokens = Record<string, string>;

const procMb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Resets the process's peak RSS (VmHWM) to its current RSS; false where the kernel refuses. */
function resetPeak(pid: number): boolean {
  try { fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); return true; } catch { return false; }
}

async function getJson(url: string, token: string, timeoutMs: number): Promise<{ ms: number; status: number; body: any }> {
  const s = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  let body: any;
  try { body = JSON.parse(text); } catch { body = text; }
  return { ms, status: res.status, body };
}

/** One case: a warm-up, then `runs` rounds; stops at the first error or request over SLOW_MS. */
async function measure(t: Timing, url: string, token: string, runs: number, timeoutMs: number, rowsOf: (b: any) => number | undefined, log: (s: string) => void) {
  for (let i = -1; i < runs; i += 1) {
    let got;
    try { got = await getJson(url, token, timeoutMs); } catch (e: any) {
      t.error = e?.name === 'TimeoutError' ? `> ${timeoutMs / 1000} s (aborted)` : String(e?.message ?? e);
      break;
    }
    if (got.status !== 200) { t.error = `HTTP ${got.status}: ${JSON.stringify(got.body?.error?.message ?? got.body).slice(0, 120)}`; break; }
    t.rows = rowsOf(got.body);
    if (i >= 0 || got.ms > SLOW_MS) t.ms.push(got.ms); // a slow warm-up is the figure itself
    if (got.ms > SLOW_MS) { t.error = `> ${SLOW_MS / 1000} s: not repeated`; break; }
  }
  log(`[bench] ${t.feature} ${t.name} · ${t.caller} ${t.query}: ${t.rows ?? '—'} rows, p50 ${fmt(pct(t.ms, 0.5), 1)} ms${t.error ? ` (${t.error})` : ''}`);
}

const ymd = (wall: Date) => wall.toISOString().slice(0, 10);

/** The ranges FollowUpCalendar asks for around `anchor` (wall-clock midnight, UTC-coded). */
function calendarRanges(anchor: Date): { name: string; from: Date; to: Date }[] {
  const monday = (d: Date) => new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  const week = monday(anchor);
  const month = monday(new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1)));
  return [
    { name: `week of ${ymd(week)}`, from: week, to: new Date(week.getTime() + 7 * DAY) },
    { name: `month grid ${ymd(month)} + 6 weeks`, from: month, to: new Date(month.getTime() + 42 * DAY) },
  ].map((r) => ({ ...r, from: fromWallClock(r.from), to: fromWallClock(r.to) }));
}

/** The report names, as the server lists them when asked for one it does not have. */
async function reportNames(server: Server, token: string): Promise<string[]> {
  const { body } = await getJson(`${server.base}/api/crm/reports/-`, token, 60_000);
  const names = body?.error?.details?.allowed;
  if (!Array.isArray(names)) throw new Error(`no report list in ${JSON.stringify(body).slice(0, 200)}`);
  return names;
}

/** Outside endpoints the database names (robot webhooks, webhook subscriptions): what dispatch would call. */
async function outsideEndpoints(pg: Client): Promise<number> {
  const robots = await pg.query(`SELECT count(*)::int AS n FROM departments WHERE coalesce(robot_webhook, '') <> ''`);
  const hooks = await pg.query(`SELECT count(*)::int AS n FROM webhook_subscriptions WHERE active`);
  return robots.rows[0].n + hooks.rows[0].n;
}

/** One job in its own process (job-child.js), without mail/SMS settings and without network. */
function runJobChild(job: string, env: Record<string, string>, timeoutMs: number): Promise<JobResult> {
  const childEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !/^(SMTP_|SMS_)/.test(k)));
  const proc = spawn(process.execPath, ['--expose-gc', '--require', path.join(__dirname, 'no-network.js'), path.join(__dirname, 'job-child.js')], {
    env: { ...childEnv, CRM_JOBS: 'false', CRM_DEMO: 'false', CRM_BENCH_JOB: job }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let refused = 0; // attempts no-network.js stopped: a job that tried to call out
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { refused += String(d).split('[no-network] refused').length - 1; err = (err + d).slice(-2000); });
  const t0 = Date.now();
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => proc.once('exit', (code, signal) => {
    clearTimeout(timer);
    const line = out.trim().split('\n').pop();
    if (code === 0 && line) return resolve({ ...(JSON.parse(line) as JobResult), refused });
    const why = signal === 'SIGKILL' ? `killed after ${((Date.now() - t0) / 1000).toFixed(0)} s (boot included)` : `exited ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`;
    resolve({ job, error: why, refused });
  }));
}

export async function measureFeatures(opts: {
  selected: Feature[]; server: Server; tokens: Tokens; databaseUrl: string; env: Record<string, string>;
  runs: number; timeoutMs: number; jobTimeoutMs: number; log: (s: string) => void;
}): Promise<FeatureResults> {
  const { server, tokens, runs, log } = opts;
  const r: FeatureResults = { selected: opts.selected, timings: [], jobs: [], anchor: '' };
  const pg = new Client({ connectionString: opts.databaseUrl });
  await pg.connect();
  try {
    // the data's last follow-ups (the generated data ends before today): a full week and month of them
    const me = await getJson(`${server.base}/api/crm/me`, tokens.admin, 60_000);
    setCrmTimeZone(me.body?.timezone);
    const last = (await pg.query('SELECT max(start) AS m FROM interactions')).rows[0].m as Date | null;
    const wall = toWallClock(new Date((last ?? new Date()).getTime() - 14 * DAY));
    const anchor = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
    r.anchor = ymd(anchor);
    const peakReset = resetPeak(server.pid);
    if (opts.selected.includes('calendar')) {
      for (const range of calendarRanges(anchor)) {
        for (const caller of ['admin', 'manager', 'consultant']) {
          const t: Timing = { feature: 'calendar', name: range.name, caller, query: '', ms: [] };
          const q = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() });
          r.timings.push(t);
          await measure(t, `${server.base}/api/crm/calendar?${q}`, tokens[caller], runs, opts.timeoutMs, (b) => (Array.isArray(b) ? b.length : undefined), log);
        }
      }
    }
    if (opts.selected.includes('reports')) {
      const from = ymd(new Date(anchor.getTime() - 29 * DAY));
      const variants: { query: string; params: Record<string, string> }[] = [{ query: 'all time', params: {} }, { query: `${from} – ${r.anchor}`, params: { from, to: r.anchor } }];
      for (const name of await reportNames(server, tokens.admin)) {
        for (const v of variants) {
          for (const caller of ['admin', 'manager']) {
            const t: Timing = { feature: 'reports', name, caller, query: v.query, ms: [] };
            const q = new URLSearchParams(v.params).toString();
            r.timings.push(t);
            await measure(t, `${server.base}/api/crm/reports/${name}${q ? `?${q}` : ''}`, tokens[caller], runs, opts.timeoutMs, (b) => b?.rows?.length, log);
          }
        }
      }
    }
    if (r.timings.length) {
      r.server = { rssMb: procMb(server.pid, 'VmRSS'), peakMb: procMb(server.pid, 'VmHWM'), peakSince: peakReset ? 'the calendar' : 'boot' };
      log(`[bench] server after the calendar and reports: RSS ${r.server.rssMb.toFixed(0)} MB, peak ${r.server.peakMb.toFixed(0)} MB since ${r.server.peakSince}`);
    }
    if (opts.selected.includes('jobs')) {
      const { body } = await getJson(`${server.base}/api/crm/jobs`, tokens.admin, 60_000);
      const jobs: string[] = (Array.isArray(body) ? body : body?.data ?? []).map((j: any) => j.name);
      const outside = await outsideEndpoints(pg);
      for (const job of jobs) {
        if (job === SENDER && outside) {
          r.jobs.push({ job, skipped: `the database names ${outside} outside endpoint(s) (robot webhooks, webhook subscriptions) it would send to` });
          continue;
        }
        const res = await runJobChild(job, opts.env, opts.jobTimeoutMs);
        r.jobs.push(res);
        log(`[bench] job ${job}: ${fmt(res.ms)} ms, peak RSS ${fmt(res.rssPeakMb)} MB, counts ${JSON.stringify(res.counts ?? null)}${res.error ? ` (${res.error})` : ''}${res.refused ? `, ${res.refused} connections refused` : ''}`);
      }
    }
  } finally {
    await pg.end();
  }
  return r;
}

/** The markdown section "Calendar, reports and jobs over the full data". */
export function featuresSection(f: FeatureResults, runs: number): string[] {
  const lines = ['', '## Calendar, reports and jobs over the full data', ''];
  const cell = (t: Timing, p: number) => (t.ms.length ? fmt(pct(t.ms, p), 1) : '—');
  // a failed query's error starts with its whole SQL: its head says which query it was
  const short = (e: string) => (e.length > 160 ? `${e.slice(0, 160)}…` : e).replace(/\|/g, '\\|');
  if (f.timings.length) {
    lines.push(`p50/p95 in ms over ${runs} rounds at 1 connection after one warm-up, through the whole stack with a bearer token. ` +
      `Ranges around ${f.anchor} (two weeks before the data's last follow-up): the calendar's week and month grid as the staff UI asks for them ` +
      '(Monday first; at most 1,000 follow-ups answered); every report all time (the dashboard sends no range; traffic: today) and over 30 days. ' +
      `A request over ${SLOW_MS / 1000} s is reported once, not repeated.`, '',
    '| feature | case | caller | range | rows | p50 | p95 | note |', '| --- | --- | --- | --- | ---: | ---: | ---: | --- |');
    for (const t of f.timings) lines.push(`| ${t.feature} | ${t.name} | ${t.caller} | ${t.query || '—'} | ${t.rows ?? '—'} | ${cell(t, 0.5)} | ${cell(t, 0.95)} | ${t.error ? short(t.error) : ''} |`);
  }
  if (f.server) lines.push('', `Server after the calendar and reports: RSS ${f.server.rssMb.toFixed(0)} MB, peak (VmHWM) ${f.server.peakMb.toFixed(0)} MB since ${f.server.peakSince}.`);
  if (f.jobs.length) {
    lines.push('', 'Jobs: each scheduled job run once on the same database in its own process (scripts/bench/job-child.js; run in the order the scheduler lists them, ' +
      'so dispatch sends what the others queued), without mail/SMS settings and with connections off this machine refused; ' +
      'time of the run (boot excluded), RSS after boot, peak RSS of the run (VmHWM reset after boot), the run\'s counts.', '',
    '| job | ms | RSS after boot MB | peak RSS MB | heap peak MB | counts | note |', '| --- | ---: | ---: | ---: | ---: | --- | --- |');
    for (const j of f.jobs) {
      const counts = j.counts && Object.keys(j.counts).length ? Object.entries(j.counts).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ') : '—';
      const note = [j.skipped && `skipped: ${j.skipped}`, j.error && short(j.error), j.refused && `${j.refused} outside connections refused`].filter(Boolean).join('; ');
      lines.push(`| ${j.job} | ${fmt(j.ms)} | ${fmt(j.rssAfterBootMb)} | ${fmt(j.rssPeakMb)} | ${fmt(j.heapPeakMb)} | ${counts} | ${note} |`);
    }
  }
  return lines;
}
