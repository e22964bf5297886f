// Departments nest without cycles: a department cannot sit under itself or its own descendants.
// A group robot webhook (WeCom / DingTalk) is an http(s) URL, and names its kind.
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { departmentTree, subtree } from '../../crm/org';

export const departmentRule: WriteRule = {
  async check({ strapi, before, after }) {
    const url = after?.robotWebhook;
    if (url != null && url !== '') {
      let ok = false;
      try { ok = ['http:', 'https:'].includes(new URL(String(url)).protocol); } catch { /* not a URL */ }
      if (!ok) throw badRequest('robotWebhook: not an http(s) URL', { field: 'robotWebhook', code: 'invalid_robot_url' });
      if (!after?.robotKind) throw badRequest('robotKind: say which robot the webhook is', { field: 'robotKind', code: 'robot_kind_required' });
    }
    if (!after || !before || after.parent == null || after.parent === before.parent) return;
    if (subtree(await departmentTree(strapi), before.id).includes(after.parent)) {
      throw badRequest('parent: a department cannot sit under itself or a department below it', { field: 'parent', code: 'department_cycle' });
    }
  },
};
