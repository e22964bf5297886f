import type { ResourceDef } from '../../crm/resource';

const complaintCategory: ResourceDef = {
  name: 'complaint-categories',
  uid: 'api::complaint-category.complaint-category',
  audited: true,
  transfer: { match: ['name'], fields: ['name', 'order', 'active'] },
  seed: { file: 'pipeline.json', key: 'complaint-categories' },
  // complaints name an entry: archived (active: false) or merged, never deleted or renamed under them
  inUse: { key: 'name', uses: [{ uid: 'api::complaint.complaint', attr: 'category' }] },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default complaintCategory;
