import type { ResourceDef } from '../../crm/resource';

const source: ResourceDef = {
  name: 'sources',
  uid: 'api::source.source',
  transfer: { match: ['name'], fields: ['name', 'order', 'active'] },
  audited: true,
  seed: { file: 'pipeline.json', key: 'sources' },
  // records name an entry: archived (active: false) or merged, never deleted or renamed under them
  inUse: { key: 'name', uses: [{ uid: 'api::lead.lead', attr: 'source' }, { uid: 'api::customer.customer', attr: 'source' }] },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default source;
