// The opportunity table for every writer, plus the stage's probability (moving the stage sets
// it unless the writer chose one) and the customer becoming a deal customer when one is won.
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { withWrite } from '../../crm/write-context';
import { checkOpportunityChange, opportunityName, type OpportunityRow } from './transitions';

const STAGE_UID = 'api::stage.stage';
const state = (r: Record<string, any>): OpportunityRow => ({ ...r, status: r.opportunityStatus, lossRequested: !!r.lossRequested });

export const opportunityRule: WriteRule = {
  async check({ strapi, before, after, data, context }) {
    if (!after) return;
    if (!after.customer) throw badRequest('customer: is required', { field: 'customer', code: 'required' });
    if (!(after.name ?? '').trim()) {
      if (before) throw badRequest('name: is required', { field: 'name', code: 'required' });
      const customer: any = await strapi.db.query('api::customer.customer' as any).findOne({ where: { id: after.customer }, select: ['name'] });
      data.name = after.name = opportunityName(customer?.name ?? '客户', (after.product ?? '').trim() || '意向产品').slice(0, 200);
    }
    if (!before && after.stage == null) {
      const first: any = await strapi.db.query(STAGE_UID as any).findOne({ where: { active: true }, orderBy: { order: 'asc' } });
      if (first) {
        data.stage = { set: [{ id: first.id }] };
        after.stage = first.id;
      }
    }
    checkOpportunityChange(before && state(before), state(after), context.intent);
    const stageMoved = (before?.stage ?? null) !== (after.stage ?? null);
    const chosen = data.probability !== undefined && data.probability !== null && data.probability !== before?.probability;
    if (stageMoved && after.stage != null) {
      const stage: any = await strapi.db.query(STAGE_UID as any).findOne({ where: { id: after.stage } });
      if (!stage) throw badRequest('stage: no such stage', { field: 'stage', code: 'invalid' });
      if (!chosen) data.probability = stage.probability;
    }
  },
  /** A won opportunity makes its customer a deal customer (成交客户). */
  async afterWrite({ strapi, before }, saved) {
    if (!saved || saved.opportunityStatus !== 'won' || before?.opportunityStatus === 'won' || !saved.customer) return;
    const customer: any = await strapi.db.query('api::customer.customer' as any).findOne({ where: { id: saved.customer }, select: ['documentId', 'type'] });
    if (!customer || customer.type === 'deal') return;
    await withWrite({ intent: 'win' }, () =>
      strapi.documents('api::customer.customer' as any).update({ documentId: customer.documentId, data: { type: 'deal' } } as any),
    );
  },
};
