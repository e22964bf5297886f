import type { ResourceDef } from '../../crm/resource';

const close_reason: ResourceDef = {
  name: 'close-reasons',
  uid: 'api::close-reason.close-reason',
  transfer: { match: ['kind', 'name'], fields: ['kind', 'name', 'order', 'active'] },
  audited: true,
  seed: { file: 'pipeline.json', key: 'close-reasons' },
  // records name an entry: archived (active: false) or merged, never deleted or renamed under them
  inUse: { key: 'name', uses: [{ uid: 'api::lead.lead', attr: 'closeReason' }, { uid: 'api::opportunity.opportunity', attr: 'lossReason' }] },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default close_reason;
