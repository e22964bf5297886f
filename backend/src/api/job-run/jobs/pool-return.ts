// pool-return: customers not followed up for `poolReturnDays` go back to the pool, through the
// customer service (the same audited write as a release), one at a time so one refusal stops none.
import { setting } from '../../../crm/settings';
import { poolReturnDue } from './due';
import type { JobContext } from '../scheduler';

export async function poolReturn({ now }: JobContext) {
  const days = Number(await setting('poolReturnDays'));
  if (!Number.isFinite(days) || days <= 0) return { returned: 0, failed: 0 };
  const uid = 'api::customer.customer';
  const rows: any[] = await strapi.db.query(uid as any).findMany({
    where: { inPool: false, owner: { id: { $notNull: true } } },
    select: ['id', 'lastFollowUpAt', 'createdAt'],
  });
  const due = poolReturnDue(rows.map((r) => ({ id: r.id, lastFollowUpAt: r.lastFollowUpAt ? new Date(r.lastFollowUpAt) : null, createdAt: new Date(r.createdAt) })), now, days);
  const service: any = strapi.service('api::customer.customer' as any);
  let returned = 0;
  let failed = 0;
  for (const id of due) {
    try {
      const row = await strapi.db.query(uid as any).findOne({ where: { id } });
      await service.returnToPool(row, 'pool-return');
      returned++;
    } catch (e: any) {
      failed++; // changed meanwhile (a follow-up, a claim): the next run sees the new state
      strapi.log.warn(`[crm] pool-return: customer ${id}: ${e?.message ?? e}`);
    }
  }
  return { returned, failed };
}
