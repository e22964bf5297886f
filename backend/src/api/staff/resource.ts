import type { ResourceDef } from '../../crm/resource';

// Staff are users-permissions users; only what colleagues need is exposed (never email,
// password hashes or tokens).
const staff: ResourceDef = {
  name: 'staff',
  uid: 'plugin::users-permissions.user',
  viaAction: ['role', 'blocked', 'username'],
  expose: ['username', 'displayName', 'mobile', 'role', 'blocked', 'createdAt'],
  search: ['username', 'displayName', 'mobile'],
  defaultSort: ['username', 'ASC'],
  populateFields: { role: ['type'] },
  present: (rec, row) => {
    const { blocked, ...rest } = rec;
    return { ...rest, role: row.role?.type ?? null, active: !blocked };
  },
};
export default staff;
