import type { ResourceDef } from '../../crm/resource';

const source: ResourceDef = {
  name: 'sources',
  uid: 'api::source.source',
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default source;
