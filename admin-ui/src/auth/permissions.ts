/** What `GET /api/crm/me` answers, and helpers to read it. */

export const ROLES = ['admin', 'sales-manager', 'sales', 'reception', 'marketing', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const RESOURCE_ACTIONS = ['list', 'show', 'create', 'edit', 'delete'] as const;
/**
 * The five page actions, plus the resource's extra actions where the role has them
 * (`convert`, `claim`, `approve-loss`, `move`, `deactivate`, …; see the API contract).
 */
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number] | (string & {});

export interface Me {
  id: number | string;
  username: string;
  displayName: string;
  /** null for an account without a CRM role (the backend answers so) */
  role: Role | null;
  department: { id: number | string; name: string } | null;
  /** resource name -> allowed actions, e.g. `{leads: ['list', 'show', 'create', 'edit', 'convert']}` */
  resources: Partial<Record<string, ResourceAction[]>>;
  /** the CRM time zone (IANA): typed date-times mean it, times are shown in it */
  timezone: string | null;
  /** how amounts are shown: yuan (¥1,280,000) or wan (¥128万) */
  amountUnit: 'yuan' | 'wan';
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Validates the shape of the `/me` answer so the rest of the UI can trust it. */
export const parseMe = (json: unknown): Me => {
  if (!json || typeof json !== 'object') throw new Error('Invalid /api/crm/me answer');
  const raw = json as Record<string, unknown>;
  const resources: Record<string, ResourceAction[]> = {};
  if (raw.resources && typeof raw.resources === 'object') {
    for (const [name, actions] of Object.entries(raw.resources as Record<string, unknown>)) {
      if (Array.isArray(actions)) {
        resources[name] = actions.filter((a): a is ResourceAction => typeof a === 'string' && a !== '');
      }
    }
  }
  const department =
    raw.department && typeof raw.department === 'object'
      ? (raw.department as { id: number | string; name: string })
      : null;
  return {
    id: raw.id as number | string,
    username: String(raw.username ?? ''),
    displayName: String(raw.displayName || raw.username || ''),
    role: isRole(raw.role) ? raw.role : null,
    department,
    resources,
    timezone: typeof raw.timezone === 'string' && raw.timezone ? raw.timezone : null,
    amountUnit: raw.amountUnit === 'wan' ? 'wan' : 'yuan',
  };
};

/**
 * Whether `me` may do `action` on `resource`. Besides the five actions `/me` lists,
 * react-admin asks for `read` (any read access), `clone` (a create) and field-level
 * resources such as `leads.subject` (answered at resource level).
 */
export const canDo = (me: Me | undefined | null, resource: string, action: string): boolean => {
  if (!me) return false;
  const base = resource.split('.')[0] ?? resource;
  const actions = me.resources[base];
  if (!actions || actions.length === 0) return false;
  switch (action) {
    case 'read':
      return actions.includes('list') || actions.includes('show');
    case 'write':
      return actions.includes('create') || actions.includes('edit');
    case 'clone':
      return actions.includes('create');
    default:
      return (actions as string[]).includes(action);
  }
};
