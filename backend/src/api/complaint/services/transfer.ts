// Who may receive a complaint: a person whose role may read and write complaints, or a department
// with at least one such member. Anything else is refused with the field named, before any write.
import type { Core } from '@strapi/strapi';
import { badRequest } from '../../../crm/errors';
import { grantsOf, type Role } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { idOf, isRecordId } from '../../../crm/fields';
import { DEPARTMENT_UID, USER_UID } from '../../../crm/org';

const HANDLER_ACTIONS = ['list', 'show', 'edit'];
export const handlesComplaints = (role: string | null | undefined) =>
  HANDLER_ACTIONS.every((a) => grantsOf(roleTable(), (role ?? null) as Role | null, 'complaints').actions.includes(a));

/**
 * Everyone a complaint may be handed to (the transfer picker): every active member whose role
 * handles complaints, in any department — the same rule `transferTarget` applies.
 */
export async function complaintHandlers(strapi: Core.Strapi) {
  const users: any[] = await strapi.db.query(USER_UID as any).findMany({
    where: { blocked: false }, select: ['id', 'username', 'displayName'], populate: { role: { select: ['type'] } }, orderBy: { id: 'asc' },
  });
  return users.filter((u) => handlesComplaints(u.role?.type))
    .map((u) => ({ id: u.id, displayName: u.displayName || u.username, username: u.username, role: u.role?.type ?? null }));
}

export interface Target { field: 'assignee' | 'department'; assignee: number | null; department: number | null }

export async function transferTarget(strapi: Core.Strapi, body: Record<string, unknown>): Promise<Target> {
  const has = (k: string) => body[k] !== undefined && body[k] !== null && body[k] !== '';
  if (has('assignee') === has('department')) {
    throw badRequest('assignee: give either a person (assignee) or a department to transfer to', { field: 'assignee', code: 'transfer_target_required' });
  }
  if (has('assignee')) {
    const id = idOf(body.assignee);
    const user: any = isRecordId(id) ? await strapi.db.query(USER_UID as any).findOne({
      where: { id }, select: ['id', 'blocked'], populate: { role: { select: ['type'] }, department: { select: ['id'] } },
    }) : null;
    if (!user || user.blocked) throw badRequest(`assignee: no active staff member ${String(body.assignee)}`, { field: 'assignee', code: 'unknown_staff' });
    if (!handlesComplaints(user.role?.type)) {
      throw badRequest('assignee: this staff member\'s role may not handle complaints', { field: 'assignee', code: 'cannot_handle_complaints' });
    }
    return { field: 'assignee', assignee: user.id, department: user.department?.id ?? null };
  }
  const id = idOf(body.department);
  const dept: any = isRecordId(id) ? await strapi.db.query(DEPARTMENT_UID as any).findOne({ where: { id }, select: ['id'] }) : null;
  if (!dept) throw badRequest(`department: no department ${String(body.department)}`, { field: 'department', code: 'unknown_department' });
  const members: any[] = await strapi.db.query(USER_UID as any).findMany({
    where: { department: { id: dept.id }, blocked: false }, select: ['id'], populate: { role: { select: ['type'] } },
  });
  if (!members.some((m) => handlesComplaints(m.role?.type))) {
    throw badRequest('department: nobody in this department may handle complaints', { field: 'department', code: 'no_complaint_handlers' });
  }
  return { field: 'department', assignee: null, department: dept.id };
}
