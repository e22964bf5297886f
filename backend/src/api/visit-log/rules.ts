// Visit-log entries keep the mobile in its stored form, for every writer.
import type { WriteRule } from '../../crm/rules';
import { normalizeMobile } from '../../crm/phone';

export const visitLogRule: WriteRule = {
  check: ({ after, data }) => {
    if (after && 'mobile' in data) data.mobile = after.mobile = normalizeMobile(data.mobile);
  },
};
