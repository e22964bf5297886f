// The org tree: departments nest, and a department-scoped caller (a sales manager) works the
// records of every staff member in their department and all departments under it.
import type { Core } from '@strapi/strapi';
import { ROLES, type Actor, type Role, type RoleTable } from './access';

export const DEPARTMENT_UID = 'api::department.department';
export const USER_UID = 'plugin::users-permissions.user';

/** Ids of `root` and every department under it. Pure; cycles cannot loop. */
export function subtree(parents: { id: number; parent: number | null }[], root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of parents) if (d.parent !== null) children.set(d.parent, [...(children.get(d.parent) ?? []), d.id]);
  const seen = new Set<number>([root]);
  const queue = [root];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) if (!seen.has(c)) { seen.add(c); queue.push(c); }
  }
  return [...seen];
}

export async function departmentTree(strapi: Core.Strapi) {
  const rows: any[] = await strapi.db.query(DEPARTMENT_UID as any).findMany({ select: ['id'], populate: { parent: { select: ['id'] } } });
  return rows.map((r) => ({ id: r.id as number, parent: (r.parent?.id ?? null) as number | null }));
}

/** Staff ids in `departmentId`'s subtree, `self` included. */
export async function teamOf(strapi: Core.Strapi, departmentId: number | null, self: number): Promise<number[]> {
  if (!departmentId) return [self];
  const depts = subtree(await departmentTree(strapi), departmentId);
  const staff: any[] = await strapi.db.query(USER_UID as any).findMany({
    select: ['id'], where: { department: { id: { $in: depts } } },
  });
  return [...new Set([self, ...staff.map((s) => s.id as number)])];
}

const needsScope = (table: RoleTable, role: Role | null, scope: string) =>
  !!role && Object.values(table.roles[role]?.resources ?? {}).some((g) => g.scope === scope);
const needsTeam = (table: RoleTable, role: Role | null) => needsScope(table, role, 'department');

/** The CRM actor for a signed-in users-permissions user. */
export async function loadActor(strapi: Core.Strapi, table: RoleTable, userId: number): Promise<Actor | null> {
  const user: any = await strapi.db.query(USER_UID as any).findOne({
    where: { id: userId },
    select: ['id', 'username', 'displayName', 'blocked'],
    populate: { role: { select: ['type'] }, department: { select: ['id'] } },
  });
  if (!user || user.blocked) return null;
  const type = user.role?.type;
  const role = (ROLES as readonly string[]).includes(type) ? (type as Role) : null;
  const departmentId = user.department?.id ?? null;
  return {
    id: user.id,
    role,
    name: user.displayName || user.username,
    departmentId,
    teamIds: needsTeam(table, role) ? await teamOf(strapi, departmentId, user.id) : undefined,
    departmentIds: needsScope(table, role, 'handling') && departmentId ? subtree(await departmentTree(strapi), departmentId) : undefined,
  };
}
