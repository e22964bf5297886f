import type { ResourceDef } from '../../crm/resource';
import { allowedComplaintActions, lateness, type ComplaintStatus } from './transitions';
import { complaintRule } from './rules';

const complaint: ResourceDef = {
  name: 'complaints',
  uid: 'api::complaint.complaint',
  status: 'complaintStatus',
  audited: true,
  versioned: true,
  rule: complaintRule,
  actions: ['process', 'transfer', 'resolve', 'close', 'reopen'],
  // the service queue (GET /api/crm/complaint-queue) is a list of the caller's complaints
  handlers: { queue: 'list' },
  rename: { status: 'complaintStatus' },
  // status, assignee and department move only through the actions (every one lands in the timeline)
  viaAction: ['status', 'assignee', 'creator', 'department', 'satisfaction', 'reopenReason'],
  readOnly: ['firstResponseDueAt', 'resolveDueAt', 'firstResponseAt', 'resolvedAt', 'closedAt'],
  search: ['title', 'description', 'resolution'],
  owner: 'assignee',
  creator: 'creator',
  department: 'department',
  ownerVia: 'customer',
  initial: () => ({ complaintStatus: 'open' }),
  // a handler in another department may not read the customer: the complaint carries its name
  populateFields: { customer: ['name'] },
  present: (rec, row) => ({ ...rec, customerName: row?.customer?.name ?? null, ...lateness({ ...rec, complaintStatus: rec.status as string }) }),
  allowedActions: (c) => allowedComplaintActions(c.status as ComplaintStatus),
};
export default complaint;
