// Interactions for every writer: the state table, no follow-ups on closed or lost
// opportunities, and a completed one moves its customer's last/next follow-up times.
import type { Core } from '@strapi/strapi';
import type { WriteRule } from '../../crm/rules';
import { badRequest, conflict } from '../../crm/errors';
import { withWrite } from '../../crm/write-context';
import { checkInteractionChange, nextFollowUp } from './transitions';

const DEFAULT_FOLLOW_UP_DAYS = 7;

async function customerOf(strapi: Core.Strapi, row: Record<string, any>): Promise<number | null> {
  if (row.customer) return row.customer;
  if (row.opportunity) {
    const o: any = await strapi.db.query('api::opportunity.opportunity').findOne({ where: { id: row.opportunity }, populate: { customer: { select: ['id'] } } });
    if (o?.customer) return o.customer.id;
  }
  if (row.lead) {
    const l: any = await strapi.db.query('api::lead.lead').findOne({ where: { id: row.lead }, populate: { customer: { select: ['id'] } } });
    if (l?.customer) return l.customer.id;
  }
  return null;
}

export const interactionRule: WriteRule = {
  async check({ strapi, before, after, data }) {
    if (!after) return;
    checkInteractionChange(before as any, after as any);
    if (after.start && after.end && new Date(after.end).getTime() < new Date(after.start).getTime()) {
      throw badRequest('end: is before start', { field: 'end', code: 'end_before_start' });
    }
    if (after.opportunity) {
      const o: any = await strapi.db.query('api::opportunity.opportunity').findOne({ where: { id: after.opportunity }, select: ['opportunityStatus'] });
      if (o && (o.opportunityStatus === 'closed' || o.opportunityStatus === 'lost')) {
        throw conflict(`opportunity is ${o.opportunityStatus}: it accepts no follow-ups`, { status: o.opportunityStatus, field: 'opportunity', code: 'opportunity_frozen' });
      }
    }
    if (after.state === 'done' && before?.state !== 'done' && !data.completedAt) {
      data.completedAt = before ? new Date() : new Date(after.end ?? after.start ?? Date.now());
    }
  },
  async afterWrite({ strapi, before }, saved) {
    if (!saved || saved.state !== 'done' || before?.state === 'done') return;
    const customerId = await customerOf(strapi, saved);
    if (!customerId) return;
    const customer: any = await strapi.db.query('api::customer.customer').findOne({ where: { id: customerId } });
    const at = new Date(saved.completedAt ?? Date.now());
    if (!customer || (customer.lastFollowUpAt && new Date(customer.lastFollowUpAt) > at)) return;
    const level: any = customer.level ? await strapi.db.query('api::level.level').findOne({ where: { code: customer.level } }) : null;
    await withWrite({ intent: 'follow-up' }, () =>
      strapi.documents('api::customer.customer').update({
        documentId: customer.documentId,
        data: { lastFollowUpAt: at, nextFollowUpAt: nextFollowUp(at, level?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS) },
      } as any),
    );
  },
};
