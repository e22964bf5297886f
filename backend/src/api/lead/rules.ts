// The lead table, enforced for every writer (see crm/rules.ts), and the mobile in its stored form;
// 认知途径 (source) and 跟进级别 (level) must name an active configured entry; a lead entering a
// customer's mobile tells that customer's owner (撞单).
import type { WriteRule } from '../../crm/rules';
import { normalizeMobile } from '../../crm/phone';
import { checkLeadChange } from './transitions';
import { assertInList } from '../../crm/config-usage';
import { noticeForMobile } from '../../crm/duplicates';

export const leadRule: WriteRule = {
  check: async (e) => {
    if (!e.after) return;
    if ('mobile' in e.data) e.data.mobile = e.after.mobile = normalizeMobile(e.data.mobile);
    checkLeadChange(e.before as any, e.after as any, e.context.intent);
    await assertInList(e, 'source', 'api::source.source', 'name');
    await assertInList(e, 'level', 'api::level.level', 'code');
  },
  afterWrite: async (e, saved) => {
    if (!saved?.mobile || saved.mobile === e.before?.mobile) return;
    await noticeForMobile(e.context.actor ?? { id: null, name: '系统' }, saved.mobile, e.context.intent ?? 'lead', `leads:${saved.id}`);
  },
};
