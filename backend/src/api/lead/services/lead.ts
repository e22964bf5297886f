// Lead actions. Each reads the lead through the caller's visibility scope, picks the move from
// the pure table and writes through the Document Service, where the same table is enforced again.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { badRequest } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { leadMove, type LeadAction, type LeadStatus } from '../transitions';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function move(actor: Actor, id: unknown, action: LeadAction, data: Record<string, unknown> = {}) {
    const leads = records('leads');
    const lead = await leads.get(actor, id, 'edit');
    const to = leadMove(lead.status as LeadStatus, action);
    const row = await strapi.db.query('api::lead.lead').findOne({ where: { id: lead.id }, select: ['documentId'] });
    await strapi.documents('api::lead.lead').update({ documentId: row.documentId, data: { leadStatus: to, ...data } } as any);
    return leads.get(actor, lead.id);
  }

  return {
    close(actor: Actor, id: unknown, reason: unknown) {
      if (typeof reason !== 'string' || !reason.trim()) throw badRequest('reason: is required to close a lead', { field: 'reason' });
      return move(actor, id, 'close', { closeReason: reason.trim().slice(0, 200) });
    },
    reactivate(actor: Actor, id: unknown) {
      return move(actor, id, 'reactivate', { closeReason: null });
    },
  };
};
