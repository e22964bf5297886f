// Loads the shipped role table (config/roles.json at the repository root).
import fs from 'fs';
import path from 'path';
import type { RoleTable } from './access';

export function configDir(appRoot: string) {
  return process.env.CRM_CONFIG_DIR ?? path.resolve(appRoot, '..', 'config');
}

export function readConfig<T>(appRoot: string, name: string): T {
  return JSON.parse(fs.readFileSync(path.join(configDir(appRoot), name), 'utf8')) as T;
}

let table: RoleTable | undefined;
export const roleTable = () => {
  if (!table) throw new Error('role table not loaded yet');
  return table;
};
export const loadRoleTable = (appRoot: string) => (table = readConfig<RoleTable>(appRoot, 'roles.json'));
