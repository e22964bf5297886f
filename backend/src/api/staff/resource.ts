import type { ResourceDef } from '../../crm/resource';
import { badRequest } from '../../crm/errors';
import { staffRule } from './rules';

// Staff are users-permissions users; only what colleagues need is exposed (never email,
// password hashes or tokens). Writes go through the staff service, not the generic update.
const staff: ResourceDef = {
  name: 'staff',
  uid: 'plugin::users-permissions.user',
  audited: true,
  rule: staffRule,
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
  // The directory presents `active` (not `blocked`) and the role's type: filter by them too.
  translateFilter: async ({ active, role, ...rest }) => {
    const out: Record<string, unknown> = { ...rest };
    if (typeof active === 'boolean') out.blocked = !active;
    if (typeof role === 'string') {
      const r: any = await strapi.db.query('plugin::users-permissions.role' as any).findOne({ where: { type: role }, select: ['id'] });
      if (!r) throw badRequest(`filter: role "${role}" does not exist`, { param: 'filter', field: 'role', code: 'invalid_query' });
      out.role = r.id;
    } else if (role !== undefined) out.role = role;
    return out;
  },
  allowedActions: (s) => (s.active ? ['deactivate', 'reset-password'] : ['reactivate', 'reset-password']),
};
export default staff;
