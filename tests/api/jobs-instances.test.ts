// Two app instances on one database, both with the scheduler on: for every slot node-cron offers
// both, exactly one of them is elected to run it (the unique (job, slot) row decides).
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';
import readline from 'readline';
import { BACKEND } from '../../scripts/lib/paths';
import { backendModule, bootApp, listQuery, type TestApp } from '../helpers/app';

let app: TestApp;
let other: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;

const next = async () => JSON.parse((await answers.next()).value);

beforeAll(async () => {
  app = await bootApp({ env: { CRM_JOBS: 'true' } });
  // same environment, hence the same database; its own process, so its own Strapi and pool
  other = spawn(process.execPath, [path.join(__dirname, '..', 'helpers', 'instance.js')], { env: { ...process.env }, cwd: BACKEND });
  other.stderr.on('data', (d) => process.stderr.write(`[instance 2] ${d}`));
  answers = readline.createInterface({ input: other.stdout })[Symbol.asyncIterator]();
  expect(await next()).toEqual({ ready: true });
});
afterAll(async () => {
  if (other && other.exitCode === null) {
    other.stdin.write('quit\n');
    await new Promise((resolve) => other.once('exit', resolve));
  }
  await app?.stop();
});

it('elects exactly one instance per slot, ten slots in a row, asked at the same moment', async () => {
  const { coordinator } = backendModule('api/job-run/scheduler');
  const won: Record<string, boolean> = {};
  for (let i = 0; i < 10; i++) {
    const key = `probe:2026-12-01T01:${String(i).padStart(2, '0')}:00.000Z`;
    other.stdin.write(`shouldRun ${key}\n`);
    const [here, there] = await Promise.all([coordinator.shouldRun(key, 60000), next().then((a) => a.allowed)]);
    expect([key, [here, there].filter(Boolean).length]).toEqual([key, 1]);
    won[key.slice('probe:'.length)] = here;
  }
  await app.staff('admin', 'admin');
  const admin = await app.as('admin');
  const runs = (await admin.get(`/api/crm/job-runs?${listQuery({ filter: { job: 'probe' }, range: [0, 99] })}`).expect(200)).body;
  expect(runs).toHaveLength(10);
  expect(new Set(runs.map((r: any) => r.slot)).size).toBe(10);
  // each slot's row names the instance that was elected for it
  const { instanceId } = backendModule('api/message/outbox');
  expect(Object.fromEntries(runs.map((r: any) => [r.slot, r.instance === instanceId]))).toEqual(won);
  expect(runs.every((r: any) => r.instance !== instanceId ? /:\d+$/.test(r.instance) : true)).toBe(true);
});

it('fires the scheduled dispatch on the minute: one run for the slot, by one of the two instances', async () => {
  const admin = await app.as('admin');
  const jobs = (await admin.get('/api/crm/jobs').expect(200)).body;
  const dispatch = jobs.find((j: any) => j.name === 'dispatch');
  expect(dispatch).toMatchObject({ enabled: true, schedule: '0 * * * * *', timezone: 'Asia/Shanghai' });
  const next = new Date(dispatch.nextRun).getTime();
  expect(next - Date.now()).toBeLessThanOrEqual(61000);
  expect(new Date(jobs.find((j: any) => j.name === 'reminders').nextRun).toISOString()).toMatch(/T00:30:00\.000Z$/); // 08:30 in Shanghai
  const slot = new Date(next).toISOString();
  const runsOf = async () => (await admin.get(`/api/crm/job-runs?${listQuery({ filter: { job: 'dispatch', slot } })}`).expect(200)).body;
  const deadline = Date.now() + 90000;
  while (Date.now() < deadline && !(await runsOf()).some((r: any) => r.finishedAt)) await new Promise((r) => setTimeout(r, 1000));
  await new Promise((r) => setTimeout(r, 2000)); // the other instance's attempt, if any, is over by now
  const runs = await runsOf();
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ trigger: 'schedule', error: null, counts: { sent: 0, failed: 0 } });
}, 120000);
