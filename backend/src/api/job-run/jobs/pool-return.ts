// pool-return: customers not followed up for `poolReturnDays` go back to the pool, through the
// customer service (the same audited write as a release), one at a time so one refusal stops none.
// The due customers are read in id order, a batch at a time, with the due test in the query
// (and poolReturnDue, the rule, applied to each batch): memory stays flat however many are
// owned — 190k owned customers read at once were ~60 MB of rows before the first write.
import { setting } from '../../../crm/settings';
import { poolReturnDue } from './due';
import type { JobContext } from '../scheduler';

const UID = 'api::customer.customer';
const DAY = 86400000;
/** customers read per query */
export const BATCH = 500;

export async function poolReturn({ now }: Pick<JobContext, 'now'>, batch = BATCH) {
  const days = Number(await setting('poolReturnDays'));
  if (!Number.isFinite(days) || days <= 0) return { returned: 0, failed: 0 };
  const cutoff = new Date(now.getTime() - days * DAY);
  const service: any = strapi.service(UID as any);
  let returned = 0;
  let failed = 0;
  for (let after = 0; ;) {
    const rows: any[] = await strapi.db.query(UID as any).findMany({
      where: {
        id: { $gt: after }, inPool: false, ownerKey: { $notNull: true }, createdAt: { $lt: cutoff },
        $or: [{ lastFollowUpAt: { $null: true } }, { lastFollowUpAt: { $lt: cutoff } }],
      },
      orderBy: { id: 'asc' }, limit: batch,
    });
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const due = new Set(poolReturnDue(rows.map((r) => ({ id: r.id, lastFollowUpAt: r.lastFollowUpAt ? new Date(r.lastFollowUpAt) : null, createdAt: new Date(r.createdAt) })), now, days));
    for (const row of rows) {
      if (!due.has(row.id)) continue;
      try {
        await service.returnToPool(row, 'pool-return');
        returned++;
      } catch (e: any) {
        failed++; // changed since the batch was read (a follow-up, a claim): the version check refuses it, the next run sees the new state
        strapi.log.warn(`[crm] pool-return: customer ${row.id}: ${e?.message ?? e}`);
      }
    }
  }
  return { returned, failed };
}
