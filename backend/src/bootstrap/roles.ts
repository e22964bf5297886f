// Creates the six staff roles of config/roles.json and gives each its shipped grants once (while
// it has none: an admin's later changes are kept); then mirrors every role's grants into
// Strapi's route permissions (crm/grants.ts).
import type { Core } from '@strapi/strapi';
import type { RoleTable } from '../crm/access';
import { ROLE_UID, syncPermissions, type Grants } from '../crm/grants';

export async function ensureRoles(strapi: Core.Strapi, table: RoleTable) {
  const roles = strapi.db.query(ROLE_UID as any);
  // One transaction: a first start writes several hundred permission rows, one commit (and on
  // SQLite one fsync) each otherwise.
  await strapi.db.transaction(async () => {
    for (const [type, def] of Object.entries(table.roles)) {
      let role: any = await roles.findOne({ where: { type } });
      if (!role) role = await roles.create({ data: { type, name: def.name, description: def.description, grants: def.resources, version: 1 } });
      else if (!role.grants) role = await roles.update({ where: { id: role.id }, data: { grants: def.resources, version: (role.version ?? 0) + 1 } });
      await syncPermissions(strapi, role.id, role.grants as Grants);
    }
  });

  // A CRM is never open for self sign-up.
  const up = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await up.get({ key: 'advanced' })) as Record<string, unknown> | null) ?? {};
  if (advanced.allow_register !== false) await up.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
