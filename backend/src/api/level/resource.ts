import type { ResourceDef } from '../../crm/resource';

const level: ResourceDef = {
  name: 'levels',
  uid: 'api::level.level',
  transfer: { match: ['code'], fields: ['code', 'label', 'color', 'followUpDays', 'order', 'active'] },
  audited: true,
  seed: { file: 'pipeline.json', key: 'levels' },
  // records name an entry: archived (active: false) or merged, never deleted or renamed under them
  inUse: { key: 'code', uses: [{ uid: 'api::lead.lead', attr: 'level' }, { uid: 'api::customer.customer', attr: 'level' }, { uid: 'api::opportunity.opportunity', attr: 'level' }] },
  search: ['code', 'label'],
  defaultSort: ['order', 'ASC'],
};
export default level;
