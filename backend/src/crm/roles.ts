// The role table every check reads: the roles' grants as stored in the database (seeded from
// config/roles.json, edited at run time), revalidated on each request against the role table's
// stamp (row count + newest update), so a change on any instance counts at once everywhere.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { RoleTable } from './access';
import { tableStamp } from './stamp';

export function configDir(appRoot: string) {
  return process.env.CRM_CONFIG_DIR ?? path.resolve(appRoot, '..', 'config');
}

export function readConfig<T>(appRoot: string, name: string): T {
  return JSON.parse(fs.readFileSync(path.join(configDir(appRoot), name), 'utf8')) as T;
}

let table: RoleTable | undefined;
let stamp: string | undefined;

export const roleTable = () => {
  if (!table) throw new Error('role table not loaded yet');
  return table;
};

/** The shipped table, until the database has been read (register runs before bootstrap). */
export const loadRoleTable = (appRoot: string) => {
  stamp = undefined; // a new app instance (a restart in one process) reads its own database
  return (table = readConfig<RoleTable>(appRoot, 'roles.json'));
};

/**
 * Reloads the table when the roles changed since it was read (by this or another instance).
 * True when it did (the callers cached with the old grants are stale: auth/caller-cache.ts).
 */
export async function refreshRoleTable(strapi: Core.Strapi): Promise<boolean> {
  const uid = 'plugin::users-permissions.role';
  const now = await tableStamp(strapi, uid, { versions: true });
  if (now === stamp) return false;
  const roles: any[] = await strapi.db.query(uid as any).findMany({ select: ['type', 'name', 'description', 'grants'] });
  table = {
    roles: Object.fromEntries(roles.filter((r) => r.grants).map((r) => [r.type, { name: r.name, description: r.description ?? '', resources: r.grants }])),
  };
  stamp = now;
  return true;
}
