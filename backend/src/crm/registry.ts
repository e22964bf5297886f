// Every resource served at /api/crm/<name>. Add a domain folder's resource here.
import type { Core } from '@strapi/strapi';
import { recordService, type RecordService } from './records';
import { roleTable } from './roles';
import type { ResourceDef } from './resource';
import lead from '../api/lead/resource';
import staff from '../api/staff/resource';

export const RESOURCE_DEFS: ResourceDef[] = [lead, staff];

const services = new Map<string, RecordService>();

export function registerResources(strapi: Core.Strapi) {
  for (const def of RESOURCE_DEFS) services.set(def.name, recordService(strapi, def, roleTable));
}

export function records(name: string): RecordService {
  const s = services.get(name);
  if (!s) throw new Error(`unknown CRM resource ${name}`);
  return s;
}
