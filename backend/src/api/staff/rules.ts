// Staff accounts for every writer (our API and Strapi's admin panel): nobody is deactivated
// while they still own open records; those are reassigned first (see the deactivate action).
import type { Core } from '@strapi/strapi';
import type { WriteRule } from '../../crm/rules';
import { conflict } from '../../crm/errors';

/** What a member still works on: [uid, API resource name, filter on top of the owner]. */
export const OPEN_WORK: [string, string, Record<string, unknown>][] = [
  ['api::lead.lead', 'leads', { leadStatus: 'active' }],
  ['api::customer.customer', 'customers', {}],
  ['api::opportunity.opportunity', 'opportunities', { opportunityStatus: { $in: ['open', 'won'] } }],
  ['api::interaction.interaction', 'interactions', { state: 'planned' }],
];

export async function openWorkOf(strapi: Core.Strapi, userId: number) {
  const out: Record<string, number> = {};
  for (const [uid, name, where] of OPEN_WORK) {
    const n = await strapi.db.query(uid as any).count({ where: { ...where, owner: { id: userId } } });
    if (n) out[name] = n;
  }
  return out;
}

export const staffRule: WriteRule = {
  async check({ strapi, before, after }) {
    if (!before || !after || before.blocked || !after.blocked) return;
    const open = await openWorkOf(strapi, before.id);
    if (Object.keys(open).length) {
      throw conflict('active: reassign this member\'s open records before deactivating them', { field: 'active', open, code: 'open_records' });
    }
  },
};
