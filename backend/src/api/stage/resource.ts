import type { ResourceDef } from '../../crm/resource';

const stage: ResourceDef = {
  name: 'stages',
  uid: 'api::stage.stage',
  seed: { file: 'pipeline.json', key: 'stages' },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default stage;
