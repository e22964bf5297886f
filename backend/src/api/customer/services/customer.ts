// The customer pool (公海): consultants claim customers from it under the admin's rules and
// release their own back. Claims race safely: the version read is checked in the write.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { AUDIT_UID } from '../../../crm/audit';
import { setting, startOfDay } from '../../../crm/settings';
import { CUSTOMER_UID } from '../rules';

const DAY = 86400000;
const RACE_WINDOW = 5 * 60000;
/** what a customer in the pool looks like: nobody's */
const POOLED = { inPool: true, owner: relationData(null) };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Refuses a claim that breaks one of the pool rules, naming the rule. */
  async function checkPoolRules(actor: Actor, customerId: number) {
    const rules = await setting('pool');
    const held = await strapi.db.query(CUSTOMER_UID as any).count({ where: { owner: { id: actor.id } } });
    if (held >= rules.maxCustomersPerOwner) {
      throw conflict(`maxCustomersPerOwner: you already hold ${held} customers (at most ${rules.maxCustomersPerOwner})`, { rule: 'maxCustomersPerOwner', limit: rules.maxCustomersPerOwner });
    }
    const today = startOfDay(await setting('timezone'));
    const claims = await strapi.db.query(AUDIT_UID as any).count({
      where: { resource: 'customers', action: 'claim', actor: { id: actor.id }, createdAt: { $gte: today } },
    });
    if (claims >= rules.claimsPerDay) {
      throw conflict(`claimsPerDay: you have claimed ${claims} customers today (at most ${rules.claimsPerDay})`, { rule: 'claimsPerDay', limit: rules.claimsPerDay });
    }
    const released: any = await strapi.db.query(AUDIT_UID as any).findOne({
      where: { resource: 'customers', recordId: customerId, action: 'release', actor: { id: actor.id } },
      orderBy: { createdAt: 'desc' },
    });
    const until = released ? new Date(released.createdAt).getTime() + rules.reclaimAfterDays * DAY : 0;
    if (until > Date.now()) {
      throw conflict(`reclaimAfterDays: you released this customer; you may claim it again after ${new Date(until).toISOString().slice(0, 10)}`, { rule: 'reclaimAfterDays', limit: rules.reclaimAfterDays });
    }
  }

  /** Whether `customerId` was in the pool until a claim a moment ago (a lost race). */
  async function claimedMoments(customerId: number) {
    const last: any = await strapi.db.query(AUDIT_UID as any).findOne({
      where: { resource: 'customers', recordId: customerId, field: 'inPool' }, orderBy: { id: 'desc' },
    });
    return last?.intent === 'claim' && Date.now() - new Date(last.createdAt).getTime() < RACE_WINDOW;
  }

  /** Returns a customer to the pool: the path the pool-return job takes (a release is the same write). */
  function returnToPool(row: any, intent: 'release' | 'pool-return' = 'pool-return') {
    return records('customers').write(row, POOLED, intent);
  }

  const actions = {
    async claim(actor: Actor, id: unknown) {
      const customers = records('customers');
      const notInPool = () => conflict('customer is not in the pool (anymore): it cannot be claimed', { status: 'owned', action: 'claim', allowed: [] });
      const { row, rec } = await customers.load(actor, id, 'claim', 'show').catch(async (e) => {
        // A colleague's claim just took it out of the pool (and out of sight): say so rather than
        // "not found" — but only then, so ids of other stores' customers stay unknowable.
        if (e?.status === 404 && (await claimedMoments(Number(id) || -1))) throw notInPool();
        throw e;
      });
      if (!rec.inPool) throw notInPool();
      await checkPoolRules(actor, rec.id);
      await customers.write(row, { inPool: false, owner: relationData(actor.id) }, 'claim');
      return customers.get(actor, rec.id);
    },
    release(actor: Actor, id: unknown) {
      return records('customers').act(actor, id, 'release', (c) => {
        if (c.inPool) throw conflict('customer is already in the pool', { status: 'pool', action: 'release', allowed: ['claim'] });
        return POOLED;
      });
    },
  };
  return { actions, returnToPool };
};
