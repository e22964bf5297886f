// Role grants for every writer: only resources, actions and scopes that exist; an admin role
// never loses the right to edit roles (nobody could give it back); the route permissions follow.
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { checkGrants, syncPermissions } from '../../crm/grants';

export const roleRule: WriteRule = {
  check({ before, after, data }) {
    if (!after || !('grants' in data)) return;
    // Strapi's own public/authenticated roles carry no CRM grants, and keep none
    if (after.grants == null && before && before.grants == null) return;
    data.grants = after.grants = checkGrants(after.grants);
    if (after.type === 'admin' && !after.grants.roles?.actions.includes('edit')) {
      throw badRequest('grants.roles: the admin role keeps editing roles', { field: 'grants.roles', code: 'admin_lockout' });
    }
  },
  async afterWrite({ strapi, data }, saved) {
    if (saved && 'grants' in data && saved.grants) await syncPermissions(strapi, saved.id, saved.grants);
  },
};
