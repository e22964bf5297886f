import type { ResourceDef } from '../../crm/resource';

const setting: ResourceDef = {
  name: 'settings',
  uid: 'api::setting.setting',
  search: ['key', 'description'],
  defaultSort: ['key', 'ASC'],
};
export default setting;
