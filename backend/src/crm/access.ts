// Who may do what, and which records a caller sees: the single visibility mechanism.
// Every read and write of a CRM record goes through `scopeFilter` (see records.ts).
// Pure: the role table comes in as data (config/roles.json), so this is tested without a server.
import { forbidden } from './errors';

/** list, show, create, edit, delete, or a named action such as `convert` or `approve-loss` */
export type Action = string;
const READS = new Set(['list', 'show']);
/**
 * `record`: visible with the record it is about: audit events (checked by their controller), messages (their customer, through the descriptor's `visibleWith` in records.ts).
 * `handling`: a record handled by a department (complaints): its assignee, and the members of its
 * handling department (or of a department above it) whose role may edit the resource; reads also
 * reach the owner of the record it is about (a consultant sees complaints of own customers).
 */
export type Scope = 'all' | 'department' | 'own' | 'created' | 'record' | 'handling' | 'none';
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
  name?: string;
  departmentId?: number | null;
  /** staff ids of the caller's department and every department under it (self included) */
  teamIds?: number[];
  /** the caller's department and every department under it (for `handling` scopes) */
  departmentIds?: number[];
}

export function grantsOf(table: RoleTable, role: Role | null, resource: string) {
  return (role && table.roles[role]?.resources[resource]) || { actions: [] as Action[], scope: 'none' as Scope };
}

export function assertCan(table: RoleTable, actor: Actor, resource: string, action: Action) {
  if (!grantsOf(table, actor.role, resource).actions.includes(action)) {
    throw forbidden(`${actor.role ?? 'this account'} may not ${action} ${resource}`, { resource, action, code: 'forbidden' });
  }
}

/** Record filter that limits `resource` to what `actor` may see; `null` means everything. */
export function scopeFilter(
  table: RoleTable,
  actor: Actor,
  resource: string,
  fields: { owner?: string; creator?: string; pool?: string; department?: string; ownerVia?: string },
  action: Action = 'list',
): Record<string, unknown> | null {
  const { scope } = grantsOf(table, actor.role, resource);
  const nothing = { id: { $eq: -1 } };
  // The pool (公海) is readable by whoever works the resource; writing needs a claim first.
  const orPool = (own: Record<string, unknown>) =>
    fields.pool && READS.has(action) ? { $or: [own, { [fields.pool]: { $eq: true } }] } : own;
  switch (scope) {
    case 'all':
      return null;
    case 'own':
      return fields.owner ? orPool({ [fields.owner]: { id: { $eq: actor.id } } }) : nothing;
    case 'department': {
      const team = actor.teamIds?.length ? actor.teamIds : [actor.id];
      const by = fields.owner ?? fields.creator; // records without an owner belong to who logged them
      return by ? orPool({ [by]: { id: { $in: team } } }) : nothing;
    }
    case 'created':
      return fields.creator ? { [fields.creator]: { id: { $eq: actor.id } } } : nothing;
    case 'handling': {
      const by: Record<string, unknown>[] = [];
      if (fields.owner) by.push({ [fields.owner]: { id: { $eq: actor.id } } });
      const depts = actor.departmentIds ?? (actor.departmentId ? [actor.departmentId] : []);
      const handles = grantsOf(table, actor.role, resource).actions.includes('edit');
      if (fields.department && handles && depts.length) by.push({ [fields.department]: { id: { $in: depts } } });
      if (fields.ownerVia && READS.has(action)) by.push({ [fields.ownerVia]: { owner: { id: { $eq: actor.id } } } });
      return by.length ? { $or: by } : nothing;
    }
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
