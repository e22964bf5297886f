import type { ResourceDef } from '../../crm/resource';

const close_reason: ResourceDef = {
  name: 'close-reasons',
  uid: 'api::close-reason.close-reason',
  seed: { file: 'pipeline.json', key: 'close-reasons' },
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default close_reason;
