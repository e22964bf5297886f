// Creates the six staff roles and grants each the API actions of config/roles.json.
// Idempotent: a permission is granted once and remembered, so an admin who later revokes it
// in Strapi's panel is not overruled at the next start.
import type { Core } from '@strapi/strapi';
import type { RoleTable } from '../crm/access';
import { handlerName } from '../crm/controller';

const UP = 'plugin::users-permissions';
const CRUD: Record<string, string> = {
  list: 'find', show: 'findOne', create: 'create', edit: 'update', delete: 'delete',
};
/** resource name → `api::<api>.<controller>` */
export const CONTROLLERS: Record<string, string> = {
  leads: 'api::lead.lead',
  customers: 'api::customer.customer',
  opportunities: 'api::opportunity.opportunity',
  interactions: 'api::interaction.interaction',
  'audit-events': 'api::audit-event.audit-event',
  'visit-logs': 'api::visit-log.visit-log',
  departments: 'api::department.department',
  staff: 'api::staff.staff',
  stages: 'api::stage.stage',
  levels: 'api::level.level',
  sources: 'api::source.source',
  'close-reasons': 'api::close-reason.close-reason',
  settings: 'api::setting.setting',
};
const EVERY_ROLE = [
  'api::me.me.find',
  'api::duplicate-check.duplicate-check.check', // ui branch: 撞单 check (scoped by the caller's visibility)
  'api::assignee.assignee.find', // ui branch: assignment pickers
  `${UP}.auth.logout`,
  `${UP}.auth.changePassword`,
  `${UP}.auth.getSessions`,
  `${UP}.auth.revokeSession`,
];

/** The users-permissions actions (controller handlers) that a role's grants in roles.json need. */
export function actionsFor(table: RoleTable, role: string): string[] {
  const out = new Set(EVERY_ROLE);
  for (const [resource, grant] of Object.entries(table.roles[role]?.resources ?? {})) {
    const ctrl = CONTROLLERS[resource];
    if (!ctrl) continue;
    for (const a of grant.actions) {
      out.add(`${ctrl}.${CRUD[a] ?? handlerName(a)}`);
      // a named action can also be run in bulk
      if (!CRUD[a] && a !== 'assign') out.add(`${ctrl}.bulk`);
    }
    // getMany goes through the list route, and is checked as `show` by the record service.
    if (grant.actions.includes('show')) out.add(`${ctrl}.find`);
    if (resource === 'interactions' && grant.actions.includes('list')) out.add(`${ctrl}.calendar`);
  }
  return [...out];
}

export async function ensureRoles(strapi: Core.Strapi, table: RoleTable) {
  const store = strapi.store({ type: 'plugin', name: 'crm' });
  const granted = ((await store.get({ key: 'granted-permissions' })) as Record<string, string[]> | null) ?? {};
  const roles = strapi.db.query(`${UP}.role`);
  const perms = strapi.db.query(`${UP}.permission`);
  for (const [type, def] of Object.entries(table.roles)) {
    let role = await roles.findOne({ where: { type } });
    if (!role) role = await roles.create({ data: { type, name: def.name, description: def.description } });
    const done = new Set(granted[type] ?? []);
    for (const action of actionsFor(table, type)) {
      if (done.has(action)) continue;
      const existing = await perms.findOne({ where: { action, role: role.id } });
      if (!existing) await perms.create({ data: { action, role: role.id } });
      done.add(action);
    }
    granted[type] = [...done];
  }
  await store.set({ key: 'granted-permissions', value: granted });

  // A CRM is never open for self sign-up.
  const up = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await up.get({ key: 'advanced' })) as Record<string, unknown> | null) ?? {};
  if (advanced.allow_register !== false) await up.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
