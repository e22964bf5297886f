import type { ResourceDef } from '../../crm/resource';

const source: ResourceDef = {
  name: 'sources',
  uid: 'api::source.source',
  seed: { file: 'pipeline.json', key: 'sources' },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default source;
