// The lead table, enforced for every writer (see crm/rules.ts), and the mobile in its stored form;
// 认知途径 (source) and 跟进级别 (level) must name an active configured entry; a lead entering a
// customer's mobile tells that customer's owner (撞单).
import type { WriteRule } from '../../crm/rules';
import { normalizeMobile, storedMobileOrNull } from '../../crm/phone';
import { checkLeadChange } from './transitions';
import { assertInList, preloadList } from '../../crm/config-usage';
import { noticeForMobile, preloadMobileHolders } from '../../crm/duplicates';

export const leadRule: WriteRule = {
  check: async (e) => {
    if (!e.after) return;
    if ('mobile' in e.data) e.data.mobile = e.after.mobile = normalizeMobile(e.data.mobile);
    checkLeadChange(e.before as any, e.after as any, e.context.intent);
    await assertInList(e, 'source', 'api::source.source', 'name');
    await assertInList(e, 'level', 'api::level.level', 'code');
  },
  // an import: the lists and the customers holding its mobiles, once for all its leads
  prefetch: async (events) => {
    const [e] = events;
    if (!e?.context.batch) return;
    await preloadList(e.strapi, e.context.batch, 'api::source.source', 'name');
    await preloadList(e.strapi, e.context.batch, 'api::level.level', 'code');
    await preloadMobileHolders(e.context.batch, events.map((x) => storedMobileOrNull(x.data.mobile)));
  },
  afterWrite: async (e, saved) => {
    if (!saved?.mobile || saved.mobile === e.before?.mobile) return;
    await noticeForMobile(e.context.actor ?? { id: null, name: '系统' }, saved.mobile, e.context.intent ?? 'lead', `leads:${saved.id}`);
  },
};
