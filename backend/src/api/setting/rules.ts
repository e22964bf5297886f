// A setting's value is JSON text, checked on every write (the staff UI, Strapi's admin panel).
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { shippedSettings } from '../../crm/settings';
import { validateSetting } from '../../crm/setting-values';

export const settingRule: WriteRule = {
  check({ after }) {
    if (!after || after.value === null || after.value === undefined) return;
    let value: unknown;
    try {
      value = JSON.parse(after.value);
    } catch {
      throw badRequest('value: is not valid JSON', { field: 'value', code: 'invalid_json' });
    }
    const shipped = (shippedSettings() as Record<string, unknown>)[after.key];
    if (shipped !== undefined && typeof shipped !== typeof value) {
      throw badRequest(`value: ${after.key} must be JSON of type ${typeof shipped}`, { field: 'value', code: 'invalid_setting' });
    }
    validateSetting(after.key, value);
  },
};
