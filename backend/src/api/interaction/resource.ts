import type { ResourceDef } from '../../crm/resource';
import { allowedInteractionActions, isOverdue } from './transitions';
import { interactionRule } from './rules';

const interaction: ResourceDef = {
  name: 'interactions',
  uid: 'api::interaction.interaction',
  status: 'state',
  audited: true,
  reportable: true,
  countedRows: true,
  custom: 'interaction',
  versioned: true,
  rule: interactionRule,
  // the follow-up calendar (GET /api/crm/calendar) is a list of the caller's interactions
  handlers: { calendar: 'list' },
  actions: ['complete', 'cancel'],
  viaAction: ['owner', 'creator'],
  readOnly: ['completedAt'],
  search: ['subject', 'content', 'place', 'attendee'],
  defaultSort: ['start', 'DESC'],
  owner: 'owner',
  creator: 'creator',
  present: (rec) => ({ ...rec, overdue: isOverdue(rec as any) }),
  allowedActions: (i) => allowedInteractionActions(i.state),
};
export default interaction;
