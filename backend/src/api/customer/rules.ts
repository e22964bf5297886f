// Customers for every writer: a pool customer has no owner, and one mobile number belongs to
// one customer (a second consultant entering it is told whose customer it is: 撞单).
import type { WriteRule } from '../../crm/rules';
import { conflict } from '../../crm/errors';

export const CUSTOMER_UID = 'api::customer.customer';

export const customerRule: WriteRule = {
  async check({ strapi, before, after }) {
    if (!after) return;
    if (after.inPool && after.owner) {
      throw conflict('inPool: a customer in the pool has no owner', { field: 'inPool' });
    }
    const mobile = (after.mobile ?? '').trim();
    if (mobile && mobile !== (before?.mobile ?? '').trim()) {
      const other: any = await strapi.db.query(CUSTOMER_UID as any).findOne({
        where: { mobile, ...(before ? { id: { $ne: before.id } } : {}) },
        populate: { owner: { select: ['username', 'displayName'] } },
      });
      if (other) {
        const who = other.owner ? other.owner.displayName || other.owner.username : '公海';
        throw conflict(`mobile: ${mobile} is already a customer (owner: ${who})`, { field: 'mobile', owner: who });
      }
    }
  },
};
