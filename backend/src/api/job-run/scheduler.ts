// The scheduled jobs: node-cron tasks in the configured time zone, never overlapping themselves,
// and `distributed` through a run coordinator backed by the unique (job, slot) row, so N
// instances on one database run each slot once. Started in bootstrap unless CRM_JOBS=false.
import cron, { type ScheduledTask } from 'node-cron';
import { setting } from '../../crm/settings';
import { assertCan, type Actor } from '../../crm/access';
import { roleTable } from '../../crm/roles';
import { records } from '../../crm/registry';
import { conflict, notFound } from '../../crm/errors';
import { withWrite } from '../../crm/write-context';
import { claimSlot, runClaimed, runInSlot, type Counts } from './coordinator';
import { dailyAt } from './jobs/due';
import { reminders } from './jobs/reminders';
import { poolReturn } from './jobs/pool-return';
import { dispatch } from './jobs/dispatch';
import { assignmentDeadline } from './jobs/assignment-deadline';
import { greetings } from './jobs/greetings';
import { returnVisits } from './jobs/return-visits';
import { complaintDeadlines } from './jobs/complaint-deadlines';
import { campaigns } from './jobs/campaigns';

export interface JobContext { now: Date; tz: string }

interface JobDef {
  name: string;
  /** node-cron expression with seconds, read when the scheduler starts */
  schedule: () => Promise<string>;
  run: (ctx: JobContext) => Promise<Counts>;
}

const JOBS: JobDef[] = [
  { name: 'reminders', schedule: async () => dailyAt(await setting('reminderTime')), run: reminders },
  { name: 'greetings', schedule: async () => '0 0 9 * * *', run: greetings },
  { name: 'return-visits', schedule: async () => '0 0 10 * * *', run: returnVisits },
  { name: 'pool-return', schedule: async () => '0 0 2 * * *', run: poolReturn },
  { name: 'assignment-deadline', schedule: async () => '0 0 * * * *', run: assignmentDeadline },
  { name: 'complaint-deadlines', schedule: async () => '0 */10 * * * *', run: complaintDeadlines },
  { name: 'campaigns', schedule: async () => '30 * * * * *', run: campaigns },
  { name: 'dispatch', schedule: async () => '0 * * * * *', run: dispatch },
];

export const timezone = async () => process.env.CRM_TIMEZONE || (await setting('timezone')) || 'Asia/Shanghai';

const tasks = new Map<string, { task: ScheduledTask; schedule: string }>();
/** run rows claimed by the coordinator, handed to the task that runs next (noOverlap: one per job) */
const claimed = new Map<string, number>();

/** node-cron's key is `<task name>:<slot ISO>`; the row is inserted here, before the job runs. */
export const coordinator = {
  async shouldRun(key: string) {
    const i = key.indexOf(':');
    const job = key.slice(0, i);
    const id = await claimSlot(job, key.slice(i + 1), 'schedule');
    if (id !== null) claimed.set(job, id);
    return id !== null;
  },
};

const AS_CRON = { actor: { id: null, name: '定时任务' } };

export async function startScheduler() {
  const tz = await timezone();
  for (const job of JOBS) {
    const schedule = await job.schedule();
    const task = cron.schedule(schedule, async () => {
      const id = claimed.get(job.name);
      claimed.delete(job.name);
      if (id === undefined) return;
      await withWrite({ ...AS_CRON, intent: job.name }, () => runClaimed(id, () => job.run({ now: new Date(), tz })));
    }, { name: job.name, timezone: tz, noOverlap: true, distributed: true, runCoordinator: coordinator, distributedLease: 3600000 });
    tasks.set(job.name, { task, schedule });
  }
  strapi.log.info(`[crm] jobs scheduled in ${tz}: ${JOBS.map((j) => j.name).join(', ')}`);
}

export async function stopScheduler() {
  for (const { task } of tasks.values()) await task.destroy();
  tasks.clear();
  claimed.clear();
}

const jobDef = (name: unknown) => {
  const job = JOBS.find((j) => j.name === name);
  if (!job) throw notFound(`job ${String(name)} does not exist`, { field: 'name', code: 'unknown_job', jobs: JOBS.map((j) => j.name) });
  return job;
};

/** Runs `name` in `slot` through the coordinator (a second caller of the same slot gets null). */
export async function runJob(name: string, slot: string, trigger: 'schedule' | 'manual' = 'manual', now = new Date()) {
  const job = jobDef(name);
  const tz = await timezone();
  return withWrite({ intent: name }, () => runInSlot(name, slot, trigger, () => job.run({ now, tz })));
}

export async function jobList(actor: Actor) {
  assertCan(roleTable(), actor, 'job-runs', 'list');
  const tz = await timezone();
  return Promise.all(JOBS.map(async (job) => {
    const t = tasks.get(job.name);
    const { rows } = await records('job-runs').list(actor, {
      filter: JSON.stringify({ job: job.name }), sort: JSON.stringify(['id', 'DESC']), range: JSON.stringify([0, 4]),
    });
    return { name: job.name, schedule: t?.schedule ?? (await job.schedule()), timezone: tz, enabled: !!t, nextRun: t?.task.getNextRun() ?? null, recentRuns: rows };
  }));
}

export async function runNow(actor: Actor, name: unknown) {
  assertCan(roleTable(), actor, 'job-runs', 'run');
  const job = jobDef(name);
  const id = await runJob(job.name, `manual:${new Date().toISOString()}`, 'manual');
  if (id === null) throw conflict('job: this run is already under way', { field: 'name', code: 'slot_taken', job: job.name });
  return records('job-runs').get(actor, id);
}
