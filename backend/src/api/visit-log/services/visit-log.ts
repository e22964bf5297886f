// Reception's visit log: one click turns an entry into a lead, linked both ways. The lead lands
// with a consultant: the one reception picked, else the owner of the customer the mobile already
// belongs to (撞单: that owner is told), else the next consultant of the department in turn
// (round robin). Reception never owns it: its role cannot work leads.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest, conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { eligibleAssignees, nextLeadAssignee } from '../../../crm/assignees';
import { mobileOwner } from '../../../crm/duplicates';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Who the new lead goes to, and the existing customer its mobile belongs to (if any). */
  async function ownerFor(actor: Actor, picked: unknown, mobile: unknown) {
    const eligible = await eligibleAssignees('leads', actor);
    const dup = mobile ? await mobileOwner(actor, mobile) : { customer: null };
    if (picked !== undefined && picked !== null && picked !== '') {
      const id = Number(picked);
      const who = eligible.find((a) => a.id === id);
      if (!who) throw badRequest('owner: cannot receive leads from you', { field: 'owner', code: 'assignee_not_allowed' });
      return { owner: who.id, dup };
    }
    const existingOwner = dup.customer?.owner?.id;
    if (existingOwner && eligible.some((a) => a.id === existingOwner)) return { owner: existingOwner, dup };
    const next = await nextLeadAssignee(actor);
    if (!next) throw conflict('owner: nobody in your department can work leads; ask an admin', { field: 'owner', code: 'no_assignee' });
    return { owner: next.id, dup };
  }

  const actions = {
    async 'to-lead'(actor: Actor, id: unknown, body: Record<string, any> = {}) {
      const logs = records('visit-logs');
      return strapi.db.transaction(async () => {
        const { row, rec } = await logs.load(actor, id, 'to-lead');
        if (rec.lead) throw conflict('visit log already has a lead', { status: 'converted', action: 'to-lead', allowed: [], code: 'already_converted' });
        const who = (rec.name as string | null) ?? '访客';
        const { owner, dup } = await ownerFor(actor, body.owner, rec.mobile);
        const lead = await records('leads').create(actor, {
          subject: `${who}${rec.kind === 'call' ? '来电' : '到访'}咨询${rec.product ?? ''}`.slice(0, 200),
          source: rec.kind === 'call' ? '来电' : '到访',
          targetCustomer: rec.name ?? null,
          targetContact: rec.name ?? null,
          mobile: rec.mobile ?? null,
          description: rec.note ?? null,
        }, { owner: relationData(owner) }, 'to-lead');
        await logs.write(row, { lead: relationData(lead.id) }, 'to-lead');
        // the customer's owner hears of it from the lead's write rule (api/lead/rules.ts)
        return { ...(await logs.get(actor, rec.id)), owner, duplicate: dup.customer };
      });
    },
  };
  return { actions };
};
