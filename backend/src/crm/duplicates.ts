// 撞单: a mobile number that already belongs to a customer. Checked when a lead is created, a
// visit is logged and a lead is converted; the caller is told whose customer it is (the name
// masked when they may not see the customer) and the owner gets a notice in that customer's
// trail (an audit event `duplicate`). Nothing is ever merged silently.
import { records } from './registry';
import type { Actor } from './access';
import { writeAudit } from './audit';
import { lookup, type WriteBatch } from './write-context';

const CUSTOMER_UID = 'api::customer.customer';

export interface MobileOwner {
  mobile: string;
  customer: null | {
    /** only when the caller may open the customer */
    id: number | null;
    /** masked (陈**) when the caller may not see the customer */
    name: string;
    visible: boolean;
    inPool: boolean;
    owner: { id: number; name: string } | null;
  };
}

/** 陈女士 → 陈**; ab → a* */
export const maskName = (name: string) => {
  const chars = [...(name ?? '')];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : '';
};

/** The customer holding a mobile, as a bulk write's rules look it up (batch table MOBILE_HOLDERS). */
export interface MobileHolder { id: number; ownerId: number | null; owner: string }
export const MOBILE_HOLDERS = 'customers:mobile';

const holderRow = (row: any): MobileHolder => ({
  id: row.id, ownerId: row.owner?.id ?? null, owner: row.owner ? row.owner.displayName || row.owner.username : '公海',
});

/** For a bulk write: the holders of all `mobiles` in one query, so no record asks its own. */
export async function preloadMobileHolders(batch: WriteBatch | undefined, mobiles: unknown[]) {
  if (!batch) return;
  const wanted = [...new Set(mobiles.filter((m): m is string => typeof m === 'string' && m !== ''))];
  const rows: any[] = wanted.length ? await strapi.db.query(CUSTOMER_UID as any).findMany({
    where: { mobile: { $in: wanted } }, select: ['id', 'mobile'], populate: { owner: { select: ['id', 'username', 'displayName'] } },
  }) : [];
  batch.load(MOBILE_HOLDERS, []); // loaded: a mobile not found below has no holder
  batch.load(MOBILE_HOLDERS, rows.map((r) => [r.mobile, holderRow(r)]));
}

/** Whose customer `mobile` (stored form) is; from the batch when a bulk write loaded it. */
export function mobileHolder(mobile: string, exceptId?: number): Promise<MobileHolder | null> {
  return lookup(MOBILE_HOLDERS, mobile, async () => {
    const row: any = await strapi.db.query(CUSTOMER_UID as any).findOne({
      where: { mobile, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
      populate: { owner: { select: ['id', 'username', 'displayName'] } },
    });
    return row ? holderRow(row) : null;
  }).then((h) => (h && h.id !== exceptId ? h : null));
}

export const normalizeMobile = (raw: unknown) => (typeof raw === 'string' ? raw.replace(/[\s\-()]/g, '') : '');

/** Whose customer `mobile` is, as `actor` may learn it. */
export async function mobileOwner(actor: Actor, rawMobile: unknown): Promise<MobileOwner> {
  const mobile = normalizeMobile(rawMobile);
  if (!mobile) return { mobile, customer: null };
  const row: any = await strapi.db.query(CUSTOMER_UID as any).findOne({
    where: { mobile: { $in: [...new Set([mobile, String(rawMobile).trim()])] } },
    populate: { owner: { select: ['id', 'username', 'displayName'] } },
  });
  if (!row) return { mobile, customer: null };
  let visible = false;
  try {
    await records('customers').get(actor, row.id);
    visible = true;
  } catch {
    visible = false;
  }
  const owner = row.owner ? { id: row.owner.id as number, name: (row.owner.displayName || row.owner.username) as string } : null;
  return {
    mobile,
    customer: { id: visible ? row.id : null, name: visible ? row.name : maskName(row.name), visible, inPool: !!row.inPool, owner },
  };
}

/**
 * Leaves a notice for the customer's owner: an event in the customer's trail saying who
 * entered its mobile where (`intent`: lead, visit-log, convert). No owner, or the owner
 * themselves: nothing to say.
 */
export async function noticeOwner(actor: { id: number | null; name: string }, customerId: number, ownerId: number | null, intent: string, recordRef: string) {
  if (!ownerId || ownerId === actor.id) return;
  await writeAudit(strapi, {
    resource: 'customers', recordId: customerId, action: 'duplicate', intent, field: 'mobile',
    fromValue: { v: null }, toValue: { v: recordRef },
    actor: actor.id ? { set: [{ id: actor.id }] } : { set: [] }, actorName: actor.name,
  });
}

/** After a write that entered `mobile` (lead created, visit logged): notice the customer's owner. */
export async function noticeForMobile(actor: { id: number | null; name: string }, mobile: unknown, intent: string, recordRef: string) {
  const m = normalizeMobile(mobile);
  if (!m) return;
  const holder = await lookup(MOBILE_HOLDERS, m, async () => {
    const row: any = await strapi.db.query(CUSTOMER_UID as any).findOne({
      where: { mobile: { $in: [...new Set([m, String(mobile).trim()])] } }, populate: { owner: { select: ['id'] } },
    });
    return row ? holderRow(row) : null;
  });
  if (holder) await noticeOwner(actor, holder.id, holder.ownerId, intent, recordRef);
}
