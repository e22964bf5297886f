// Who may do what, and which records a caller sees: the single visibility mechanism.
// Every read and write of a CRM record goes through `scopeFilter` (see records.ts).
// Pure: the role table comes in as data (config/roles.json), so this is tested without a server.
import { forbidden } from './errors';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete';
export type Scope = 'all' | 'department' | 'own' | 'created' | 'none';
export const ROLES = ['admin', 'sales-manager', 'sales', 'reception', 'marketing', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleTable {
  roles: Record<string, {
    name: string;
    description: string;
    resources: Record<string, { actions: Action[]; scope: Scope }>;
  }>;
}

export interface Actor {
  id: number;
  role: Role | null;
  /** staff ids whose records a department-scoped caller sees (self included) */
  teamIds?: number[];
}

export function grantsOf(table: RoleTable, role: Role | null, resource: string) {
  return (role && table.roles[role]?.resources[resource]) || { actions: [] as Action[], scope: 'none' as Scope };
}

export function assertCan(table: RoleTable, actor: Actor, resource: string, action: Action) {
  if (!grantsOf(table, actor.role, resource).actions.includes(action)) {
    throw forbidden(`${actor.role ?? 'this account'} may not ${action} ${resource}`, { resource, action });
  }
}

/** Record filter that limits `resource` to what `actor` may see; `null` means everything. */
export function scopeFilter(
  table: RoleTable,
  actor: Actor,
  resource: string,
  fields: { owner?: string; creator?: string },
): Record<string, unknown> | null {
  const { scope } = grantsOf(table, actor.role, resource);
  const nothing = { id: { $eq: -1 } };
  switch (scope) {
    case 'all':
      return null;
    case 'own':
      return fields.owner ? { [fields.owner]: { id: { $eq: actor.id } } } : nothing;
    case 'department': {
      const team = actor.teamIds?.length ? actor.teamIds : [actor.id];
      return fields.owner ? { [fields.owner]: { id: { $in: team } } } : nothing;
    }
    case 'created':
      return fields.creator ? { [fields.creator]: { id: { $eq: actor.id } } } : nothing;
    default:
      return nothing;
  }
}

/** Resources and actions the role may use, for `/api/crm/me` and the UI menu. */
export function capabilities(table: RoleTable, role: Role | null): Record<string, Action[]> {
  const out: Record<string, Action[]> = {};
  for (const [res, g] of Object.entries((role && table.roles[role]?.resources) || {})) out[res] = [...g.actions];
  return out;
}
