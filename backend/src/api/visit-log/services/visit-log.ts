// Reception's visit log: one click turns an entry into a lead, linked both ways.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const actions = {
    async 'to-lead'(actor: Actor, id: unknown) {
      const logs = records('visit-logs');
      return strapi.db.transaction(async () => {
        const { row, rec } = await logs.load(actor, id, 'to-lead');
        if (rec.lead) throw conflict('visit log already has a lead', { status: 'converted', action: 'to-lead', allowed: [] });
        const who = (rec.name as string | null) ?? '访客';
        const lead = await records('leads').create(actor, {
          subject: `${who}${rec.kind === 'call' ? '来电' : '到访'}咨询${rec.product ?? ''}`.slice(0, 200),
          source: rec.kind === 'call' ? '来电' : '到访',
          targetCustomer: rec.name ?? null,
          targetContact: rec.name ?? null,
          mobile: rec.mobile ?? null,
          description: rec.note ?? null,
        }, {}, 'to-lead');
        await logs.write(row, { lead: relationData(lead.id) }, 'to-lead');
        return logs.get(actor, rec.id);
      });
    },
  };
  return { actions };
};
