// The `complaints` setting (config/settings.json): reopen window and deadline hours per severity.
// A stored value may name a subset (one severity's hours): it is merged over the shipped one.
import { setting, shippedSettings } from '../../crm/settings';
import type { DeadlineHours } from './transitions';

export interface ComplaintSettings extends DeadlineHours { reopenDays: number }

export async function complaintSettings(): Promise<ComplaintSettings> {
  const shipped = shippedSettings().complaints as ComplaintSettings;
  const stored = (await setting('complaints')) as Partial<ComplaintSettings>;
  return {
    reopenDays: stored.reopenDays ?? shipped.reopenDays,
    firstResponseHours: { ...shipped.firstResponseHours, ...stored.firstResponseHours },
    resolveHours: { ...shipped.resolveHours, ...stored.resolveHours },
  };
}
