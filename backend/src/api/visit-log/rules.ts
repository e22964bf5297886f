// Visit-log entries keep the mobile in its stored form; a visit logged with a customer's mobile tells that customer's owner (撞单); the UI warned
// reception already (GET /api/crm/check-mobile).
import type { WriteRule } from '../../crm/rules';
import { noticeForMobile } from '../../crm/duplicates';
import { normalizeMobile } from '../../crm/phone';

export const visitLogRule: WriteRule = {
  check: ({ after, data }) => {
    if (after && 'mobile' in data) data.mobile = after.mobile = normalizeMobile(data.mobile);
  },
  afterWrite: async (e, saved) => {
    if (!saved?.mobile || saved.mobile === e.before?.mobile) return;
    await noticeForMobile(e.context.actor ?? { id: null, name: '系统' }, saved.mobile, 'visit-log', `visit-logs:${saved.id}`);
  },
};
