// Each (job, slot) runs once across every instance on one database: the run's row is inserted
// before the job runs, and the unique (job, slot) index (database/indexes/002) refuses the
// second insert, whose caller skips. The row then records the outcome.
import { instanceId } from '../message/outbox';

const UID = 'api::job-run.job-run';

export type Counts = Record<string, number>;

/** Inserts the run row for (job, slot); answers its id, or null when another caller has it. */
export async function claimSlot(job: string, slot: string, trigger: 'schedule' | 'manual'): Promise<number | null> {
  try {
    const doc: any = await strapi.documents(UID as any).create({
      data: { job, slot, trigger, startedAt: new Date().toISOString(), instance: instanceId },
    } as any);
    return doc.id;
  } catch (e: any) {
    if (e?.details?.code === 'slot_taken') return null;
    throw e;
  }
}

export async function finishRun(id: number, outcome: { counts?: Counts; error?: string }) {
  const row: any = await strapi.db.query(UID as any).findOne({ where: { id }, select: ['documentId'] });
  await strapi.documents(UID as any).update({
    documentId: row.documentId,
    data: { finishedAt: new Date().toISOString(), counts: outcome.counts ?? {}, error: outcome.error ?? null },
  } as any);
}

/** Claims the slot and runs `fn` in it; answers the run row's id, or null when skipped. */
export async function runInSlot(job: string, slot: string, trigger: 'schedule' | 'manual', fn: () => Promise<Counts>): Promise<number | null> {
  const id = await claimSlot(job, slot, trigger);
  if (id === null) return null;
  await runClaimed(id, fn);
  return id;
}

export async function runClaimed(id: number, fn: () => Promise<Counts>) {
  try {
    await finishRun(id, { counts: await fn() });
  } catch (e: any) {
    strapi.log.error(`[crm] job run ${id} failed: ${e?.stack ?? e}`);
    await finishRun(id, { error: String(e?.message ?? e).slice(0, 2000) });
  }
}
