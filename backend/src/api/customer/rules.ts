// Customers for every writer: a pool customer has no owner, and one mobile number belongs to
// one customer (a second consultant entering it is told whose customer it is: 撞单). The
// database guarantees the latter (database/indexes: unique normalized mobile); a race that the
// check could not see is mapped to the same refusal.
import type { Core } from '@strapi/strapi';
import type { WriteRule } from '../../crm/rules';
import { conflict } from '../../crm/errors';
import { assertInList, preloadList } from '../../crm/config-usage';
import { mobileHolder, preloadMobileHolders } from '../../crm/duplicates';
import { grantsOf, type Actor } from '../../crm/access';
import { roleTable } from '../../crm/roles';
import { maskMobile, normalizeMobile, storedMobileOrNull } from '../../crm/phone';

export const CUSTOMER_UID = 'api::customer.customer';

/** The customer holding `mobile` (other than `exceptId`), with its owner's name. */
export async function holderOf(strapi: Core.Strapi, mobile: string, exceptId?: number) {
  const other: any = await strapi.db.query(CUSTOMER_UID as any).findOne({
    where: { mobile, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
    populate: { owner: { select: ['id', 'username', 'displayName'] } },
  });
  if (!other) return null;
  return { id: other.id as number, ownerId: (other.owner?.id ?? null) as number | null, owner: other.owner ? other.owner.displayName || other.owner.username : '公海' };
}

const mobileOf = (e: { data: Record<string, any> }) => storedMobileOrNull(e.data.mobile);

const taken = (mobile: string, holder: { owner: string; id: number }) =>
  conflict(`mobile: ${mobile} is already a customer (owner: ${holder.owner})`, { field: 'mobile', code: 'mobile_taken', owner: holder.owner });

export const customerRule: WriteRule = {
  async check(e) {
    const { strapi, before, after, data } = e;
    if (!after) return;
    // like a lead's: level and source name configured entries (typed in, imported or converted)
    await assertInList(e, 'source', 'api::source.source', 'name');
    await assertInList(e, 'level', 'api::level.level', 'code');
    if (after.inPool && after.owner) {
      throw conflict('inPool: a customer in the pool has no owner', { field: 'inPool', code: 'pool_has_no_owner' });
    }
    if ('mobile' in data) data.mobile = after.mobile = normalizeMobile(data.mobile);
    if (after.mobile && after.mobile !== before?.mobile) {
      // an import's earlier rows are not seen here (written together after the check): the
      // unique index catches them, and onUnique below names the holder
      const holder = e.context.batch ? await mobileHolder(after.mobile, before?.id) : await holderOf(strapi, after.mobile, before?.id);
      if (holder) throw taken(after.mobile, holder);
    }
  },
  async prefetch(events) {
    const [e] = events;
    if (!e?.context.batch) return;
    await preloadList(e.strapi, e.context.batch, 'api::source.source', 'name');
    await preloadList(e.strapi, e.context.batch, 'api::level.level', 'code');
    await preloadMobileHolders(e.context.batch, events.map(mobileOf));
  },
  async onUnique({ strapi, after, before }) {
    const holder = after?.mobile ? await holderOf(strapi, after.mobile, before?.id) : null;
    return holder ? taken(after!.mobile, holder) : conflict('mobile: is already a customer', { field: 'mobile', code: 'mobile_taken' });
  },
};

/** Consultants see a pool customer's mobile masked until they claim it. */
export function presentCustomer(rec: Record<string, unknown>, _row: unknown, actor?: Actor) {
  if (!rec.inPool || !actor || grantsOf(roleTable(), actor.role, 'customers').scope !== 'own') return rec;
  return { ...rec, mobile: maskMobile(rec.mobile) };
}
