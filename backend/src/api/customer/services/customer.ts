// The customer pool (公海): consultants claim customers from it under the admin's rules and
// release their own back. Claims race safely: the version read is checked in the write.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { mergeRecords } from '../../../crm/merge';

const MERGE_FILL = ['email', 'wechat', 'birthday', 'province', 'city', 'industry', 'company', 'address', 'source', 'level', 'gender'];
import { relationData } from '../../../crm/records';
import { conflict } from '../../../crm/errors';
import type { Actor } from '../../../crm/access';
import { AUDIT_UID } from '../../../crm/audit';
import { setting, startOfDay } from '../../../crm/settings';
import { CUSTOMER_UID, holderOf } from '../rules';
import { normalizeMobile } from '../../../crm/phone';

const DAY = 86400000;
const RACE_WINDOW = 5 * 60000;
/** what a customer in the pool looks like: nobody's */
const POOLED = { inPool: true, owner: relationData(null) };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Refuses taking a customer out of the pool for `ownerId` when it breaks a pool rule, naming the rule. */
  async function checkPoolRules(ownerId: number, customerId: number) {
    const rules = await setting('pool');
    const held = await strapi.db.query(CUSTOMER_UID as any).count({ where: { owner: { id: ownerId } } });
    if (held >= rules.maxCustomersPerOwner) {
      throw conflict(`maxCustomersPerOwner: you already hold ${held} customers (at most ${rules.maxCustomersPerOwner})`, { code: 'pool_rule', rule: 'maxCustomersPerOwner', limit: rules.maxCustomersPerOwner });
    }
    const today = startOfDay(await setting('timezone'));
    const claims = await strapi.db.query(AUDIT_UID as any).count({
      where: { resource: 'customers', action: 'claim', actor: { id: ownerId }, createdAt: { $gte: today } },
    });
    if (claims >= rules.claimsPerDay) {
      throw conflict(`claimsPerDay: you have claimed ${claims} customers today (at most ${rules.claimsPerDay})`, { code: 'pool_rule', rule: 'claimsPerDay', limit: rules.claimsPerDay });
    }
    const released: any = await strapi.db.query(AUDIT_UID as any).findOne({
      where: { resource: 'customers', recordId: customerId, action: 'release', actor: { id: ownerId } },
      orderBy: { createdAt: 'desc' },
    });
    const until = released ? new Date(released.createdAt).getTime() + rules.reclaimAfterDays * DAY : 0;
    if (until > Date.now()) {
      throw conflict(`reclaimAfterDays: you released this customer; you may claim it again after ${new Date(until).toISOString().slice(0, 10)}`, { code: 'pool_rule', rule: 'reclaimAfterDays', limit: rules.reclaimAfterDays });
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

  const notInPool = () => conflict('customer is not in the pool (anymore): it cannot be claimed', { code: 'not_in_pool', status: 'owned', action: 'claim', allowed: [] });

  /** Takes a pool customer for `ownerId` under the pool rules: a claim, whoever asks for it. */
  async function take(actor: Actor, id: unknown, ownerId: number) {
    const customers = records('customers');
    return strapi.db.transaction(async () => {
      const { row, rec } = await customers.load(actor, id, 'claim', 'show', true).catch(async (e) => {
        // A colleague's claim just took it out of the pool (and out of sight): say so rather than
        // "not found" — but only then, so ids of other stores' customers stay unknowable.
        if (e?.status === 404 && (await claimedMoments(Number(id) || -1))) throw notInPool();
        throw e;
      });
      if (!rec.inPool) throw notInPool();
      await checkPoolRules(ownerId, rec.id);
      await customers.write(row, { inPool: false, owner: relationData(ownerId) }, 'claim');
      return rec.id;
    });
  }

  /**
   * The customer a converted lead becomes, for `ownerId`: the one with its mobile when that is
   * the owner's, or in the pool (taken under the pool rules); a new one otherwise. A colleague's
   * customer is refused (撞单), naming its owner. Created through the validated record path.
   */
  async function forLead(actor: Actor, lead: Record<string, any>, ownerId: number): Promise<number> {
    const mobile = normalizeMobile(lead.mobile);
    const holder = mobile ? await holderOf(strapi, mobile) : null;
    if (!holder) {
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : null);
      const created = await records('customers').create(actor, {
        name: text(lead.targetCustomer) ?? text(lead.targetContact) ?? String(lead.subject).slice(0, 100),
        mobile, email: lead.email ?? null, source: lead.source ?? null, level: lead.level ?? null, type: 'potential',
      }, { owner: relationData(ownerId) }, 'convert');
      return created.id;
    }
    if (holder.ownerId === null) return take(actor, holder.id, ownerId);
    if (holder.ownerId !== ownerId) {
      throw conflict(`mobile: ${mobile} is already a customer of ${holder.owner}; ask your manager to assign it`, { field: 'mobile', code: 'mobile_taken', owner: holder.owner });
    }
    return holder.id;
  }

  const actions = {
    async claim(actor: Actor, id: unknown) {
      return records('customers').get(actor, await take(actor, id, actor.id));
    },
    /** Merges customer `from` into this one (crm/merge.ts); its empty contact fields fill this one's. */
    merge(actor: Actor, id: unknown, body: Record<string, any>) {
      return mergeRecords(actor, 'customers', id, body, MERGE_FILL);
    },
    release(actor: Actor, id: unknown) {
      return records('customers').act(actor, id, 'release', (c) => {
        if (c.inPool) throw conflict('customer is already in the pool', { code: 'already_in_pool', status: 'pool', action: 'release', allowed: ['claim'] });
        return POOLED;
      });
    },
  };
  return { actions, returnToPool, forLead };
};
