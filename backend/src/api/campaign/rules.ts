// The campaign write rule, for every writer: a filter object, a subject for email, placeholders
// the renderer knows, status only along transitions.ts, and only a draft edited.
import type { WriteRule } from '../../crm/rules';
import { badRequest, conflict } from '../../crm/errors';
import { customDefs } from '../../crm/custom-fields';
import { checkCampaignFields, checkCampaignMove, unknownPlaceholders, type CampaignStatus } from './transitions';

const CONTENT = ['name', 'filter', 'channel', 'subject', 'template', 'sendAt'];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  || (a != null && b != null && !Number.isNaN(Date.parse(String(a))) && Date.parse(String(a)) === Date.parse(String(b)));

export const campaignRule: WriteRule = {
  async check({ strapi, before, after, context }) {
    if (!after) return;
    checkCampaignFields(after);
    const from = before?.campaignStatus as CampaignStatus | undefined;
    const to = after.campaignStatus as CampaignStatus | undefined;
    if (!before && to && to !== 'draft') throw conflict('status: a campaign starts as a draft', { field: 'status', code: 'transition_not_allowed' });
    checkCampaignMove(from, to);
    if ((to === 'sending' || to === 'sent') && from !== to && context.intent !== 'campaigns') {
      throw conflict('status: only the campaigns job sends a campaign', { field: 'status', code: 'transition_not_allowed' });
    }
    if (before && from !== 'draft') {
      const changed = CONTENT.find((k) => !same(before[k], after[k]));
      if (changed) throw conflict(`${changed}: a ${from} campaign cannot be changed`, { field: changed, status: from, code: 'campaign_not_draft' });
    }
    const keys = (await customDefs(strapi, 'customer')).filter((d) => d.active !== false).map((d) => d.key);
    const unknown = unknownPlaceholders(String(after.template ?? ''), keys);
    if (unknown.length) {
      throw badRequest(`template: unknown placeholder {{${unknown[0]}}} (known: name, salutation, custom_<field key>)`, { field: 'template', code: 'unknown_placeholder', placeholder: unknown[0] });
    }
  },
};
