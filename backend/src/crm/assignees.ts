// Who may receive records of a resource from a given actor, and the round-robin pick used when
// reception turns a walk-in into a lead without choosing a consultant.
import { grantsOf, type Actor } from './access';
import { roleTable } from './roles';
import { teamOf, USER_UID } from './org';

export interface Assignee {
  id: number;
  displayName: string;
  username: string;
  role: string | null;
}

/** Active staff `actor` may hand `resource` records to (what crm/assignment.ts accepts). */
export async function eligibleAssignees(resource: string, actor: Actor): Promise<Assignee[]> {
  const { scope } = grantsOf(roleTable(), actor.role, resource);
  const where: Record<string, unknown> = { blocked: false };
  if (scope !== 'all') {
    // reception has no department scope, so no team on its actor: its department's subtree
    const team = actor.teamIds?.length ? actor.teamIds : await teamOf(strapi, actor.departmentId ?? null, actor.id);
    where.id = { $in: team };
  }
  const users: any[] = await strapi.db.query(USER_UID as any).findMany({
    where, select: ['id', 'username', 'displayName'], populate: { role: { select: ['type'] } }, orderBy: { id: 'asc' },
  });
  return users
    .filter((u) => grantsOf(roleTable(), u.role?.type ?? null, resource).actions.includes('edit'))
    .map((u) => ({ id: u.id, displayName: u.displayName || u.username, username: u.username, role: u.role?.type ?? null }));
}

/**
 * Round robin within the actor's subtree: the eligible consultant who received a lead least
 * recently (never first). `null` when nobody there can work leads.
 */
export async function nextLeadAssignee(actor: Actor): Promise<Assignee | null> {
  const candidates = (await eligibleAssignees('leads', actor)).filter((a) => a.role === 'sales' || a.role === 'sales-manager');
  const pool = candidates.some((a) => a.role === 'sales') ? candidates.filter((a) => a.role === 'sales') : candidates;
  let best: { a: Assignee; last: number } | null = null;
  for (const a of pool) {
    const last: any = await strapi.db.query('api::lead.lead' as any).findOne({
      where: { owner: { id: a.id } }, select: ['id'], orderBy: { id: 'desc' },
    });
    const at = last?.id ?? 0;
    if (!best || at < best.last) best = { a, last: at };
  }
  return best?.a ?? null;
}
