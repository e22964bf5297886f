// Big imports as background jobs: the commit of a file over config/import.json's
// `backgroundRows` answers 202 with a job id at once, and the import runs on in this process
// (the same all-or-nothing transaction as a small one: a failed job changes nothing). Its
// starter polls GET /api/crm/<resource>/import/<job> for rows done / total, errors and the
// report. Jobs live in memory (on the instance that runs them) and are forgotten an hour
// after they finish: a restart loses the job, and its uncommitted transaction with it.
import crypto from 'crypto';
import type { Actor } from './access';
import { CrmError, notFound } from './errors';
import type { ImportReport } from './import';

export interface ImportJob {
  id: string;
  resource: string;
  total: number;
  done: number;
  errors: number;
  finished: boolean;
  /** the import's answer once finished (errors: nothing was imported) */
  report: ImportReport | null;
  /** a fault that stopped the job (nothing was imported) */
  failure: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

const KEEP_MS = 60 * 60 * 1000;
const jobs = new Map<string, { job: ImportJob; owner: number; ended: number | null }>();

function forgetOld(now: number) {
  for (const [id, j] of jobs) if (j.ended !== null && now - j.ended > KEEP_MS) jobs.delete(id);
}

/** Starts `run` (given a progress callback) as a job of `actor`; answers the job as it starts. */
export function startImportJob(
  actor: Actor, resource: string, total: number,
  run: (progress: (done: number, total: number, errors: number) => void) => Promise<ImportReport>,
): ImportJob {
  forgetOld(Date.now());
  const job: ImportJob = {
    id: crypto.randomUUID(), resource, total, done: 0, errors: 0, finished: false,
    report: null, failure: null, startedAt: new Date().toISOString(), finishedAt: null,
  };
  const entry = { job, owner: actor.id, ended: null as number | null };
  jobs.set(job.id, entry);
  const end = () => {
    job.finished = true;
    job.finishedAt = new Date().toISOString();
    entry.ended = Date.now();
  };
  // not awaited: the request answers now; everything the job ends with is kept on it
  run((done, _total, errors) => { job.done = done; job.errors = errors; })
    .then((report) => {
      job.report = report;
      job.errors = report.errors.length;
      end();
    })
    .catch((e: unknown) => {
      const crm = e instanceof CrmError ? e : null;
      job.failure = { code: String((crm?.details as any)?.code ?? 'import_failed'), message: crm ? crm.message : 'the import stopped; nothing was imported' };
      if (!crm) strapi.log.error(`[crm] import job ${job.id}: ${(e as any)?.stack ?? e}`);
      end();
    });
  return { ...job };
}

/** The job `id` of `resource` as its starter sees it; anyone else gets 404. */
export function importJob(actor: Actor, resource: string, id: unknown): ImportJob {
  const entry = typeof id === 'string' ? jobs.get(id) : undefined;
  if (!entry || entry.owner !== actor.id || entry.job.resource !== resource) {
    throw notFound(`import job ${String(id)} not found`, { resource: 'import-jobs', field: 'job', code: 'not_found' });
  }
  return { ...entry.job };
}
