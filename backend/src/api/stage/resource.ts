import type { ResourceDef } from '../../crm/resource';

const stage: ResourceDef = {
  name: 'stages',
  uid: 'api::stage.stage',
  transfer: { match: ['name'], fields: ['name', 'order', 'probability', 'active'] },
  audited: true,
  // two admins reordering at once: the second drop is a 409, not a silent mix of both orders
  versioned: true,
  seed: { file: 'pipeline.json', key: 'stages' },
  // records name an entry: archived (active: false) or merged, never deleted or renamed under them
  inUse: { key: 'id', uses: [{ uid: 'api::opportunity.opportunity', attr: 'stage', relation: true }] },
  // the new probability reaches the stage's open opportunities only when asked (services/stage.ts)
  actions: ['apply-probability'],
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default stage;
