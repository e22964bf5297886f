// GET /api/crm/assignees?resource=leads: who the caller may hand records of `resource` to —
// active staff of the caller's subtree (admin: everyone) whose role can work the records.
// The assignment pickers (分配/转移, 战败 reassign, reception's 转线索 dialog) offer only these.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/crm/assignees', handler: 'assignee.find', config: { policies: [] } }],
};
