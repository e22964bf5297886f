import type { RaRecord } from 'react-admin';

export const SCOPES = ['all', 'department', 'own', 'created', 'record', 'none'] as const;
export type Scope = (typeof SCOPES)[number];
export type Grants = Record<string, { actions: string[]; scope: Scope }>;

/** A staff role as `/api/crm/roles` sends it: its grants, and what each resource offers. */
export interface Role extends RaRecord {
  type: string;
  name: string;
  description: string | null;
  grants: Grants | null;
  /** resource → every action it offers (CRUD, assignment, named actions) */
  offered?: Record<string, string[]>;
  version?: number;
}

/** Toggles `action` of `resource` in `grants` (a resource first granted is seen by everyone's scope). */
export const toggleAction = (grants: Grants, resource: string, action: string, on: boolean): Grants => {
  const current = grants[resource] ?? { actions: [], scope: 'all' as Scope };
  const actions = on ? [...new Set([...current.actions, action])] : current.actions.filter(a => a !== action);
  return { ...grants, [resource]: { ...current, actions } };
};

export const setScope = (grants: Grants, resource: string, scope: Scope): Grants => ({
  ...grants,
  [resource]: { actions: grants[resource]?.actions ?? [], scope },
});
