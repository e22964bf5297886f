// Staff accounts (users-permissions users): admins create, edit, deactivate and reset them.
// Nobody changes their own role, department or active flag; deactivating someone first hands
// their open records to a colleague, in the same transaction.
import type { Core } from '@strapi/strapi';
import { records } from '../../../crm/registry';
import { relationData } from '../../../crm/records';
import { badRequest, forbidden } from '../../../crm/errors';
import { assertCan, ROLES, type Actor } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { assignableOwner } from '../../../crm/assignment';
import { USER_UID } from '../../../crm/org';
import { OPEN_WORK, openWorkOf } from '../rules';
import { normalizeMobile } from '../../../crm/phone';
import { checkPassword } from '../../../crm/password';
import { hasControlCharacters } from '../../../crm/fields';

export const str = (body: Record<string, any>, key: string, max: number, min = 0) => {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null && !min) return null;
  if (typeof v !== 'string' || v.trim().length < min || v.length > max) {
    throw badRequest(`${key}: must be text of ${min || 0} to ${max} characters`, { field: key, code: 'invalid_length' });
  }
  if (hasControlCharacters(v)) throw badRequest(`${key}: must not contain control or bidirectional-override characters`, { field: key, code: 'control_characters' });
  return v.trim();
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.documents(USER_UID as any);

  async function roleId(type: unknown) {
    if (typeof type !== 'string' || !(ROLES as readonly string[]).includes(type)) {
      throw badRequest(`role: must be one of ${ROLES.join(', ')}`, { field: 'role', code: 'invalid' });
    }
    const role: any = await strapi.db.query('plugin::users-permissions.role' as any).findOne({ where: { type } });
    return role.id as number;
  }

  async function refId(uid: string, key: string, v: unknown) {
    if (v === null) return null;
    const id = Number(v);
    if (!Number.isSafeInteger(id) || !(await strapi.db.query(uid as any).findOne({ where: { id }, select: ['id'] }))) {
      throw badRequest(`${key}: no such record`, { field: key, code: 'invalid' });
    }
    return id;
  }

  /** Profile fields common to create and edit, as content-type data. */
  async function profile(body: Record<string, any>) {
    const data: Record<string, unknown> = {};
    const displayName = str(body, 'displayName', 50);
    const mobile = str(body, 'mobile', 20);
    if (displayName !== undefined) data.displayName = displayName;
    if (mobile !== undefined) data.mobile = normalizeMobile(mobile);
    if (body.role !== undefined) data.role = relationData(await roleId(body.role));
    if (body.department !== undefined) data.department = relationData(await refId('api::department.department', 'department', body.department));
    if (body.supervisor !== undefined) data.supervisor = relationData(await refId(USER_UID, 'supervisor', body.supervisor));
    return data;
  }

  const password = (body: Record<string, any>) => checkPassword(body.password);

  async function setActive(actor: Actor, id: unknown, active: boolean, action: string) {
    const staff = records('staff');
    const { row } = await staff.load(actor, id, action);
    if (row.id === actor.id) throw forbidden('active: you cannot change your own active flag', { field: 'active', code: 'self_change' });
    await users().update({ documentId: row.documentId, data: { blocked: !active } } as any);
    return staff.get(actor, row.id);
  }

  const actions = {
    /** Hands every open record to `reassignTo` (if given), then deactivates: all or nothing. */
    deactivate(actor: Actor, id: unknown, body: Record<string, any>) {
      return strapi.db.transaction(async () => {
        if (body.reassignTo !== undefined && body.reassignTo !== null) {
          const { row } = await records('staff').load(actor, id, 'deactivate');
          if (Number(body.reassignTo) === row.id) throw badRequest('reassignTo: must be someone else', { field: 'reassignTo', code: 'invalid' });
          for (const [uid, name, where] of OPEN_WORK) {
            const to = await assignableOwner(name, actor, body.reassignTo, 'reassignTo');
            const open: any[] = await strapi.db.query(uid as any).findMany({ where: { ...where, owner: { id: row.id } }, select: ['id', 'documentId', 'version'] });
            for (const r of open) await records(name).write(r, { owner: relationData(to.id) }, 'assign');
          }
        }
        return setActive(actor, id, false, 'deactivate');
      });
    },
    reactivate: (actor: Actor, id: unknown) => setActive(actor, id, true, 'reactivate'),
    async 'reset-password'(actor: Actor, id: unknown, body: Record<string, any>) {
      const { row } = await records('staff').load(actor, id, 'reset-password');
      await strapi.plugin('users-permissions').service('user').edit(row.id, { password: password(body) });
      return { id: row.id, reset: true };
    },
  };

  return {
    actions,
    openWorkOf: (userId: number) => openWorkOf(strapi, userId),

    async create(actor: Actor, body: Record<string, any>) {
      assertCan(roleTable(), actor, 'staff', 'create');
      const username = str(body, 'username', 50, 3);
      if (!username) throw badRequest('username: is required', { field: 'username', code: 'required' });
      if (await strapi.db.query(USER_UID as any).findOne({ where: { username }, select: ['id'] })) {
        throw badRequest('username: is taken', { field: 'username', code: 'username_taken' });
      }
      const email = str(body, 'email', 200) || `${username}@staff.crm.local`;
      const data = await profile({ role: 'sales', ...body });
      const user = await strapi.plugin('users-permissions').service('user').add({
        username, email, password: password(body), provider: 'local', confirmed: true, blocked: false,
        role: (data.role as any).set[0].id,
      });
      const { role: _r, ...rest } = data;
      if (Object.keys(rest).length) {
        const created: any = await strapi.db.query(USER_UID as any).findOne({ where: { id: user.id }, select: ['documentId'] });
        await users().update({ documentId: created.documentId, data: rest } as any);
      }
      return records('staff').get(actor, user.id);
    },

    async update(actor: Actor, id: unknown, body: Record<string, any>) {
      const staff = records('staff');
      const { row, rec } = await staff.load(actor, id, 'edit');
      const data = await profile(body);
      if (row.id === actor.id) {
        for (const key of ['role', 'department']) {
          if (body[key] !== undefined && JSON.stringify(body[key]) !== JSON.stringify(rec[key])) {
            throw forbidden(`${key}: you cannot change your own ${key}`, { field: key, code: 'self_change' });
          }
        }
      }
      if (body.active !== undefined && body.active !== rec.active) {
        throw forbidden('active: use the deactivate or reactivate action', { field: 'active', code: 'via_action_only' });
      }
      if (Object.keys(data).length) await users().update({ documentId: row.documentId, data } as any);
      return staff.get(actor, row.id);
    },
  };
};
