// Lead actions. Each locks the lead, reads it through the caller's visibility scope, picks the
// move from the pure table and writes through the Document Service, where the same table is
// enforced again. The convert creates its customer and opportunity through their own concepts'
// validated paths (permission, types, links, their write rules).
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { withWrite } from '../../../crm/write-context';
import { leadMove, type LeadAction, type LeadStatus } from '../transitions';

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
/** What the convert dialog may say about the new opportunity, besides the product. */
const OPPORTUNITY_FIELDS = ['estimatedValue', 'stage', 'expectedCloseDate', 'probability'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const move = (actor: Actor, id: unknown, action: LeadAction, data: Record<string, unknown> = {}) =>
    records('leads').act(actor, id, action, (lead) => ({ leadStatus: leadMove(lead.status as LeadStatus, action), ...data }));

  const actions = {
    /**
     * active → qualified: creates or reuses the customer (by mobile) and creates the opportunity,
     * all at once. The lead is locked before its state is read, so of several converts at once one
     * wins and the others find it qualified (409).
     */
    async convert(actor: Actor, id: unknown, body: Record<string, any>) {
      const leads = records('leads');
      return strapi.db.transaction(() =>
        withWrite({ intent: 'convert' }, async () => {
          const { row, rec } = await leads.load(actor, id, 'convert', undefined, true);
          const to = leadMove(rec.status as LeadStatus, 'convert');
          const owner = (rec.owner as number | null) ?? actor.id;
          const customerId: number = await (strapi.service('api::customer.customer') as any).forLead(actor, rec, owner);
          const extra = Object.fromEntries(OPPORTUNITY_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
          const opportunity = await records('opportunities').create(
            actor,
            { product: text(body.product, 100) ?? text(rec.subject, 100), level: rec.level ?? null, customer: customerId, ...extra },
            { lead: relationData(rec.id), owner: relationData(owner) },
            'convert',
          );
          await leads.write(row, { leadStatus: to, customer: relationData(customerId), opportunity: relationData(opportunity.id) }, 'convert');
          return {
            lead: await leads.get(actor, rec.id),
            customer: await records('customers').get(actor, customerId).catch(() => ({ id: customerId })),
            opportunity,
          };
        }),
      );
    },
    close(actor: Actor, id: unknown, body: Record<string, any>) {
      const reason = text(body.reason, 200);
      if (!reason) throw badRequest('reason: is required to close a lead', { field: 'reason', code: 'required' });
      return move(actor, id, 'close', { closeReason: reason });
    },
    reactivate(actor: Actor, id: unknown) {
      return move(actor, id, 'reactivate', { closeReason: null });
    },
  };
  return { actions };
};
