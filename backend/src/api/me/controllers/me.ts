import { handle } from '../../../crm/http';
import { capabilities } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { DEPARTMENT_UID } from '../../../crm/org';
import { refreshZone } from '../../../crm/time';
import { setting } from '../../../crm/settings';

// The signed-in staff member and what they may do: the UI builds its menu from `resources`.
export default {
  find: handle(async (ctx, actor) => {
    const user = ctx.state.user;
    const dept: any = actor.departmentId
      ? await strapi.db.query(DEPARTMENT_UID as any).findOne({ where: { id: actor.departmentId }, select: ['id', 'name'] })
      : null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName ?? user.username,
      role: actor.role,
      roleName: actor.role ? roleTable().roles[actor.role]?.name ?? actor.role : null,
      department: dept ? { id: dept.id, name: dept.name } : null,
      resources: capabilities(roleTable(), actor.role),
      /** the CRM time zone: typed date-times mean it, times are shown in it */
      timezone: await refreshZone(),
      /** how amounts are shown (the `amountUnit` setting): yuan, or wan (万) */
      amountUnit: await setting('amountUnit'),
    };
  }),
};
