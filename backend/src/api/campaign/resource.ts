import type { ResourceDef } from '../../crm/resource';
import { allowedCampaignActions, type CampaignStatus } from './transitions';
import { campaignRule } from './rules';

// 群发: marketing saves a customer filter, a template, a channel and a send time; previews who
// gets it; schedules it. The campaigns job queues one outbox row per customer at the time.
const campaign: ResourceDef = {
  name: 'campaigns',
  uid: 'api::campaign.campaign',
  status: 'campaignStatus',
  rename: { status: 'campaignStatus' },
  audited: true,
  versioned: true,
  rule: campaignRule,
  actions: ['preview', 'schedule', 'unschedule', 'cancel'],
  viaAction: ['status', 'author'],
  readOnly: ['counts', 'skipped'],
  creator: 'author',
  search: ['name', 'template'],
  defaultSort: ['id', 'DESC'],
  initial: () => ({ campaignStatus: 'draft' }),
  // preview is a read: offered in every state
  allowedActions: (c) => ['preview', ...allowedCampaignActions(c.status as CampaignStatus)],
};
export default campaign;
