// Assignment: a manager hands records to active staff of their own subtree (admin: anyone
// active), one by one or in bulk, all or nothing. Each change is an `assign` audit event.
import { records } from './registry';
import { badRequest } from './errors';
import { idOf, isRecordId } from './fields';
import { inBulk } from './bulk';
import { assertCan, grantsOf, type Actor } from './access';
import { roleTable } from './roles';
import { relationData } from './records';
import { USER_UID } from './org';

/** The staff member `owner` if `actor` may hand `resource` records to them, else a 400 naming why. */
export async function assignableOwner(resource: string, actor: Actor, owner: unknown, field = 'owner') {
  const id = idOf(owner);
  if (!isRecordId(id)) throw badRequest(`${field}: must be a staff id`, { field, code: 'assignee_invalid' });
  const user: any = await strapi.db.query(USER_UID as any).findOne({
    where: { id }, select: ['id', 'username', 'displayName', 'blocked'], populate: { role: { select: ['type'] } },
  });
  if (!user) throw badRequest(`${field}: no such staff member`, { field, code: 'assignee_invalid' });
  const who = user.displayName || user.username;
  if (user.blocked) throw badRequest(`${field}: ${who} is deactivated`, { field, code: 'assignee_inactive' });
  if (!grantsOf(roleTable(), user.role?.type ?? null, resource).actions.includes('edit')) {
    throw badRequest(`${field}: ${who}'s role cannot work ${resource}`, { field, code: 'assignee_role' });
  }
  const { scope } = grantsOf(roleTable(), actor.role, resource);
  if (scope !== 'all' && !(actor.teamIds ?? [actor.id]).includes(id as number)) {
    throw badRequest(`${field}: ${who} is not in your department`, { field, code: 'assignee_outside' });
  }
  return { id: id as number, name: who };
}

export async function assign(resource: string, actor: Actor, ids: unknown[], owner: unknown) {
  assertCan(roleTable(), actor, resource, 'assign');
  const to = await assignableOwner(resource, actor, owner);
  const service = records(resource);
  await inBulk(ids, async (id) => {
    const { row } = await service.load(actor, id, 'assign');
    await service.write(row, { [service.def.owner!]: relationData(to.id), ...service.def.onAssign?.() }, 'assign');
  });
  return { updated: ids.length, owner: to.id };
}
