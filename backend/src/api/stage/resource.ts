import type { ResourceDef } from '../../crm/resource';

const stage: ResourceDef = {
  name: 'stages',
  uid: 'api::stage.stage',
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default stage;
