// A role's grants (`{<resource>: {actions, scope}}`), stored on the users-permissions role and
// edited at run time, are the one source of who may do what: every check, `/me` and the UI's
// buttons read them (crm/roles.ts). Strapi's route permissions are mirrored from them: each
// grant needs the users-permissions action of its controller handler, or Strapi would refuse the
// route first. The mirror is re-synced at every start and on every change of the grants.
import type { Core } from '@strapi/strapi';
import { badRequest } from './errors';
import { handlerName } from './controller';
import { isResource, resource, resources } from './registry';
import type { Scope } from './access';

const UP = 'plugin::users-permissions';
export const ROLE_UID = `${UP}.role`;
const CRUD: Record<string, string> = { list: 'find', show: 'findOne', create: 'create', edit: 'update', delete: 'delete' };
const SCOPES: Scope[] = ['all', 'department', 'own', 'created', 'record', 'handling', 'none'];
/** What every signed-in staff member may call, whatever their grants. */
const EVERY_ROLE = [
  'api::me.me.find', 'api::me.me.update', 'api::duplicate-check.duplicate-check.check', 'api::assignee.assignee.find',
  `${UP}.auth.logout`, `${UP}.auth.changePassword`, `${UP}.auth.getSessions`, `${UP}.auth.revokeSession`,
  // configuration transfer and presets: the handlers check the grants of every resource touched
  ...['export', 'import', 'presets', 'applyPreset'].map((h) => `api::config-transfer.config-transfer.${h}`)];

/** The action that lets a role count a resource's records in reports, within the grant's scope. */
export const REPORT = 'report';
const REPORTS_ROUTE = 'api::report.report.find';

export type Grants = Record<string, { actions: string[]; scope: Scope }>;

/** The actions a resource offers: CRUD, assignment where it has one, and its named actions. */
export function actionsOf(name: string): string[] {
  const def = resource(name);
  return [...new Set(['list', 'show', 'create', 'edit', 'delete', ...(def.assignable ? ['assign'] : []), ...(def.reportable ? [REPORT] : []), ...(def.actions ?? []), ...Object.values(def.handlers ?? {})])];
}

/** `raw` as grants, or a 400 naming the resource, action or scope that does not exist. */
export function checkGrants(raw: unknown): Grants {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest('grants: must be an object keyed by resource', { field: 'grants', code: 'invalid_type', type: 'object' });
  }
  const out: Grants = {};
  for (const [name, g] of Object.entries(raw as Record<string, any>)) {
    if (!isResource(name)) throw badRequest(`grants.${name}: no such resource`, { field: `grants.${name}`, code: 'unknown_resource', resource: name });
    const offered = actionsOf(name);
    if (!g || !Array.isArray(g.actions) || !SCOPES.includes(g.scope)) {
      throw badRequest(`grants.${name}: needs actions (a list) and a scope (${SCOPES.join(', ')})`, { field: `grants.${name}`, code: 'invalid_grant' });
    }
    const bad = g.actions.find((a: unknown) => typeof a !== 'string' || !offered.includes(a));
    if (bad !== undefined) {
      throw badRequest(`grants.${name}: ${String(bad)} is not an action of ${name}`, { field: `grants.${name}`, code: 'unknown_action', action: String(bad), allowed: offered });
    }
    out[name] = { actions: [...new Set(g.actions as string[])], scope: g.scope };
  }
  return out;
}

/** The users-permissions actions (controller handlers) that `grants` need. */
export function permissionsFor(grants: Grants): string[] {
  const out = new Set(EVERY_ROLE);
  for (const [name, grant] of Object.entries(grants)) {
    if (!isResource(name)) continue;
    const { api: ctrl, handlers = {}, inUse } = resource(name);
    // merging configuration in use is an edit of both entries
    if (inUse && grant.actions.includes('edit')) out.add(`${ctrl}.merge`);
    for (const a of grant.actions) {
      if (a === REPORT) {
        out.add(REPORTS_ROUTE); // the reports controller checks each report's resources itself
        continue;
      }
      out.add(`${ctrl}.${CRUD[a] ?? handlerName(a)}`);
      // a named action can also be run in bulk
      if (!CRUD[a] && a !== 'assign') out.add(`${ctrl}.bulk`);
    }
    // getMany goes through the list route, and is checked as `show` by the record service.
    if (grant.actions.includes('show')) out.add(`${ctrl}.find`);
    // whoever lists a resource may export that list (crm/export.ts: same filter, same scope)
    if (grant.actions.includes('list') && resource(name).exportable !== false) out.add(`${ctrl}.export`);
    // whoever creates records of an importable resource may import them (the same write path)
    // (and follow their own background import: crm/import-jobs.ts shows a job to its starter only)
    if (grant.actions.includes('create') && resource(name).importable) out.add(`${ctrl}.import`).add(`${ctrl}.importJob`);
    for (const [handler, needs] of Object.entries(handlers)) if (grant.actions.includes(needs)) out.add(`${ctrl}.${handler}`);
  }
  return [...out];
}

/** Makes the role's route permissions on CRM controllers exactly what its grants need. */
export async function syncPermissions(strapi: Core.Strapi, roleId: number, grants: Grants) {
  const perms = strapi.db.query(`${UP}.permission` as any);
  const want = new Set(permissionsFor(grants));
  const managed = (action: string) => EVERY_ROLE.includes(action) || action === REPORTS_ROUTE || resources().some((r) => action.startsWith(`${r.api}.`));
  const have: any[] = await perms.findMany({ where: { role: roleId }, select: ['id', 'action'] });
  for (const p of have) if (managed(p.action) && !want.has(p.action)) await perms.delete({ where: { id: p.id } });
  const had = new Set(have.map((p) => p.action));
  for (const action of want) if (!had.has(action)) await perms.create({ data: { action, role: roleId } });
}
