import type { ResourceDef } from '../../crm/resource';

const level: ResourceDef = {
  name: 'levels',
  uid: 'api::level.level',
  seed: { file: 'pipeline.json', key: 'levels' },
  search: ['code', 'label'],
  defaultSort: ['order', 'ASC'],
};
export default level;
