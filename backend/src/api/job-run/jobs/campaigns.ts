// campaigns: queues the campaigns due at `now` (and finishes any a crash interrupted), then
// brings the counts of sent campaigns with messages still pending up to date.
import { refreshCounts, sendCampaign } from '../../campaign/send';
import type { JobContext } from '../scheduler';

const UID = 'api::campaign.campaign';

export async function campaigns({ now }: JobContext) {
  const due: any[] = await strapi.db.query(UID as any).findMany({
    where: { $or: [{ campaignStatus: 'scheduled', sendAt: { $lte: now.toISOString() } }, { campaignStatus: 'sending' }] },
    populate: { author: { select: ['id'] } }, orderBy: { id: 'asc' },
  });
  let queued = 0;
  let skipped = 0;
  let failed = 0;
  for (const row of due) {
    try {
      const r = await sendCampaign(row);
      queued += r.queued;
      skipped += r.skipped;
    } catch (e: any) {
      failed++; // stays scheduled/sending: the next run tries again, queuing nothing twice
      strapi.log.warn(`[crm] campaign ${row.id}: ${e?.message ?? e}`);
    }
  }
  const open: any[] = await strapi.db.query(UID as any).findMany({ where: { campaignStatus: 'sent' }, select: ['id', 'documentId', 'counts'] });
  for (const row of open.filter((r) => (r.counts?.pending ?? 1) > 0)) await refreshCounts(row);
  return { campaigns: due.length - failed, queued, skipped, failed };
}
