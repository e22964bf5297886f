import type { ResourceDef } from '../../crm/resource';

const level: ResourceDef = {
  name: 'levels',
  uid: 'api::level.level',
  search: ['code', 'label'],
  defaultSort: ['order', 'ASC'],
};
export default level;
