import type { ResourceDef } from '../../crm/resource';
import { roleRule } from './rules';
import { actionsOf } from '../../crm/grants';
import { resources } from '../../crm/registry';

// The six staff roles and their grants, edited by an admin at run time (SPEC "Roles"): the one
// source of every permission check (crm/roles.ts), mirrored into Strapi's route permissions.
const role: ResourceDef = {
  name: 'roles',
  uid: 'plugin::users-permissions.role',
  transfer: { match: ['type'], fields: ['type', 'grants'], create: false },
  audited: true,
  versioned: true,
  rule: roleRule,
  expose: ['type', 'name', 'description', 'grants', 'version'],
  viaAction: ['type'],
  search: ['name', 'type', 'description'],
  defaultSort: ['id', 'ASC'],
  // what the role editor offers: every resource's actions (CRUD, assignment, named ones)
  present: (rec) => ({ ...rec, offered: Object.fromEntries(resources().map((r) => [r.name, actionsOf(r.name)])) }),
};
export default role;
