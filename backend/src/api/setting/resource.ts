import type { ResourceDef } from '../../crm/resource';
import { settingRule } from './rules';

const setting: ResourceDef = {
  name: 'settings',
  uid: 'api::setting.setting',
  transfer: { match: ['key'], fields: ['key', 'value', 'description'], json: ['value'] },
  audited: true,
  rule: settingRule,
  // config/settings.json's `settings` map: one row per key, the value as JSON text
  seed: { file: 'settings.json', key: 'settings', rows: (map: Record<string, unknown>) => Object.entries(map).map(([key, value]) => ({ key, value: JSON.stringify(value, null, 2) })) },
  search: ['key', 'description'],
  defaultSort: ['key', 'ASC'],
};
export default setting;
