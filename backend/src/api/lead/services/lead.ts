// Lead actions. Each reads the lead through the caller's visibility scope, picks the move from
// the pure table and writes through the Document Service, where the same table is enforced again.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest, conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { withWrite } from '../../../crm/write-context';
import { lockRow } from '../../../crm/rules';
import { leadMove, type LeadAction, type LeadStatus } from '../transitions';
import { opportunityName } from '../../opportunity/transitions';
import { CUSTOMER_UID } from '../../customer/rules';

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const move = (actor: Actor, id: unknown, action: LeadAction, data: Record<string, unknown> = {}) =>
    records('leads').act(actor, id, action, (lead) => ({ leadStatus: leadMove(lead.status as LeadStatus, action), ...data }));

  /** The customer a converted lead becomes: the one with its mobile (if the caller may take it), else a new one. */
  async function customerFor(actor: Actor, lead: Record<string, any>, owner: number) {
    const mobile = text(lead.mobile, 20);
    const existing: any = mobile
      ? await strapi.db.query(CUSTOMER_UID as any).findOne({ where: { mobile }, populate: { owner: { select: ['id', 'username', 'displayName'] } } })
      : null;
    const customers = records('customers');
    if (!existing) {
      const doc: any = await strapi.documents(CUSTOMER_UID as any).create({
        data: {
          name: text(lead.targetCustomer, 100) ?? text(lead.targetContact, 100) ?? lead.subject.slice(0, 100),
          mobile, email: lead.email, source: lead.source, level: lead.level, type: 'potential',
          owner: relationData(owner), creator: relationData(actor.id),
        },
      } as any);
      return doc.id as number;
    }
    if (existing.inPool) {
      await customers.write(existing, { inPool: false, owner: relationData(owner) }, 'convert');
    } else if (existing.owner?.id !== owner) {
      const who = existing.owner ? existing.owner.displayName || existing.owner.username : '—';
      throw conflict(`mobile: ${mobile} is already a customer of ${who}; ask your manager to assign it`, { field: 'mobile', owner: who });
    }
    return existing.id as number;
  }

  const actions = {
    /** active → qualified: creates or reuses the customer (by mobile) and creates the opportunity, all at once. */
    async convert(actor: Actor, id: unknown, body: Record<string, any>) {
      const leads = records('leads');
      return strapi.db.transaction(({ trx }) =>
        withWrite({ intent: 'convert' }, async () => {
          const { row, rec } = await leads.load(actor, id, 'convert');
          // Lock the lead before linking an opportunity to it (the link's foreign key share-locks
          // it): concurrent converts then queue here and get a 409, instead of deadlocking on PostgreSQL.
          await lockRow(strapi, 'api::lead.lead', row.documentId, trx);
          const to = leadMove(rec.status as LeadStatus, 'convert');
          const product = text(body.product, 100) ?? text(rec.subject, 100)!;
          const owner = (rec.owner as number | null) ?? actor.id;
          const customerId = await customerFor(actor, rec, owner);
          const customer: any = await strapi.db.query(CUSTOMER_UID as any).findOne({ where: { id: customerId }, select: ['name'] });
          const opp: any = await strapi.documents('api::opportunity.opportunity' as any).create({
            data: {
              name: opportunityName(customer.name, product).slice(0, 200), product, level: rec.level,
              customer: relationData(customerId), lead: relationData(rec.id), owner: relationData(owner), creator: relationData(actor.id),
            },
          } as any);
          await leads.write(row, { leadStatus: to, customer: relationData(customerId), opportunity: relationData(opp.id) }, 'convert');
          return {
            lead: await leads.get(actor, rec.id),
            customer: await records('customers').get(actor, customerId).catch(() => ({ id: customerId })),
            opportunity: await records('opportunities').get(actor, opp.id).catch(() => ({ id: opp.id })),
          };
        }),
      );
    },
    close(actor: Actor, id: unknown, body: Record<string, any>) {
      const reason = text(body.reason, 200);
      if (!reason) throw badRequest('reason: is required to close a lead', { field: 'reason' });
      return move(actor, id, 'close', { closeReason: reason });
    },
    reactivate(actor: Actor, id: unknown) {
      return move(actor, id, 'reactivate', { closeReason: null });
    },
  };
  return { actions };
};
