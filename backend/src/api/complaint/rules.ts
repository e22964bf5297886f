// Complaints for every writer: the status table, the category must name an active configured
// entry, and the deadlines are set from the severity when the complaint is taken (or its severity
// changes), from the hours in the `complaints` setting.
import type { WriteRule } from '../../crm/rules';
import { assertInList } from '../../crm/config-usage';
import { checkComplaintChange, deadlinesFor, type Severity } from './transitions';
import { complaintSettings } from './settings';

export const complaintRule: WriteRule = {
  check: async (e) => {
    if (!e.after) return;
    checkComplaintChange(e.before as any, e.after as any, e.context.intent);
    await assertInList(e, 'category', 'api::complaint-category.complaint-category', 'name');
    if (!e.before || e.before.severity !== e.after.severity) {
      const hours = await complaintSettings();
      const taken = e.before?.createdAt ? new Date(e.before.createdAt) : new Date();
      Object.assign(e.data, deadlinesFor((e.after.severity ?? 'medium') as Severity, taken, hours));
    }
  },
};
