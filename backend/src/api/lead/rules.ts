// The lead table, enforced for every writer (see crm/rules.ts).
import type { WriteRule } from '../../crm/rules';
import { checkLeadChange } from './transitions';

export const leadRule: WriteRule = {
  check: (e) => {
    if (e.after) checkLeadChange(e.before as any, e.after as any, e.context.intent);
  },
};
