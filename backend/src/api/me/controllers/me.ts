import { handle } from '../../../crm/http';
import { capabilities } from '../../../crm/access';
import { badRequest } from '../../../crm/errors';
import { roleTable } from '../../../crm/roles';
import { DEPARTMENT_UID, USER_UID } from '../../../crm/org';
import { normalizeMobile } from '../../../crm/phone';
import { refreshZone } from '../../../crm/time';
import { setting } from '../../../crm/settings';
import { str } from '../../staff/services/staff';

const OWN_FIELDS = ['displayName', 'mobile', 'notifyByEmail'];

/** The signed-in member as `/api/crm/me` answers it. */
async function answer(ctx: any, actor: any) {
  const user: any = await strapi.db.query(USER_UID as any).findOne({ where: { id: ctx.state.user.id } });
  const dept: any = actor.departmentId
    ? await strapi.db.query(DEPARTMENT_UID as any).findOne({ where: { id: actor.departmentId }, select: ['id', 'name'] })
    : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName ?? user.username,
    mobile: user.mobile ?? null,
    notifyByEmail: user.notifyByEmail !== false,
    role: actor.role,
    roleName: actor.role ? roleTable().roles[actor.role]?.name ?? actor.role : null,
    department: dept ? { id: dept.id, name: dept.name } : null,
    resources: capabilities(roleTable(), actor.role),
    /** the CRM time zone: typed date-times mean it, times are shown in it */
    timezone: await refreshZone(),
    /** how amounts are shown (the `amountUnit` setting): yuan, or wan (万) */
    amountUnit: await setting('amountUnit'),
  };
}

// The signed-in staff member and what they may do: the UI builds its menu from `resources`.
// PUT changes only what is one's own to change (name, mobile, notifications): never role,
// department or active flag, which an admin sets on the staff page.
export default {
  find: handle(async (ctx, actor) => answer(ctx, actor)),
  update: handle(async (ctx, actor) => {
    const body = (typeof ctx.request.body === 'object' && ctx.request.body) || {};
    const unknown = Object.keys(body).find((k) => !OWN_FIELDS.includes(k));
    if (unknown) throw badRequest(`${unknown}: is not yours to change here`, { field: unknown, code: 'unknown_field' });
    const data: Record<string, unknown> = {};
    const displayName = str(body, 'displayName', 50, 1);
    if (displayName !== undefined) data.displayName = displayName;
    const mobile = str(body, 'mobile', 20);
    if (mobile !== undefined) data.mobile = mobile ? normalizeMobile(mobile) : null;
    if (body.notifyByEmail !== undefined) {
      if (typeof body.notifyByEmail !== 'boolean') throw badRequest('notifyByEmail: must be true or false', { field: 'notifyByEmail', code: 'invalid_type', type: 'boolean' });
      data.notifyByEmail = body.notifyByEmail;
    }
    if (Object.keys(data).length) {
      const row: any = await strapi.db.query(USER_UID as any).findOne({ where: { id: ctx.state.user.id }, select: ['documentId'] });
      await strapi.documents(USER_UID as any).update({ documentId: row.documentId, data } as any);
    }
    return answer(ctx, actor);
  }),
};
