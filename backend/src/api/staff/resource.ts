import type { ResourceDef } from '../../crm/resource';

// Staff are users-permissions users; only what colleagues need is exposed (never email,
// password hashes or tokens). Writes go through the staff service, not the generic update.
const staff: ResourceDef = {
  name: 'staff',
  uid: 'plugin::users-permissions.user',
  audited: true,
  actions: ['deactivate', 'reactivate', 'reset-password'],
  viaAction: ['role', 'blocked', 'username'],
  expose: ['username', 'displayName', 'mobile', 'role', 'blocked', 'department', 'supervisor', 'createdAt'],
  search: ['username', 'displayName', 'mobile'],
  defaultSort: ['username', 'ASC'],
  populateFields: { role: ['type'] },
  present: (rec, row) => {
    const { blocked, ...rest } = rec;
    return { ...rest, role: row.role?.type ?? null, active: !blocked };
  },
  allowedActions: (s) => (s.active ? ['deactivate', 'reset-password'] : ['reactivate', 'reset-password']),
};
export default staff;
