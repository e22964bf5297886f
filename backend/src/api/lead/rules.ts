// The lead table, enforced for every writer (see crm/rules.ts), and the mobile in its stored form.
import type { WriteRule } from '../../crm/rules';
import { normalizeMobile } from '../../crm/phone';
import { checkLeadChange } from './transitions';

export const leadRule: WriteRule = {
  check: (e) => {
    if (!e.after) return;
    if ('mobile' in e.data) e.data.mobile = e.after.mobile = normalizeMobile(e.data.mobile);
    checkLeadChange(e.before as any, e.after as any, e.context.intent);
  },
};
