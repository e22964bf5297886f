// Every resource served at /api/crm/<name>. Add a domain folder's resource here.
import type { Core } from '@strapi/strapi';
import { recordService, type RecordService } from './records';
import { roleTable } from './roles';
import type { ResourceDef } from './resource';
import lead from '../api/lead/resource';
import customer from '../api/customer/resource';
import opportunity from '../api/opportunity/resource';
import interaction from '../api/interaction/resource';
import auditEvent from '../api/audit-event/resource';
import visitLog from '../api/visit-log/resource';
import department from '../api/department/resource';
import staff from '../api/staff/resource';
import stage from '../api/stage/resource';
import level from '../api/level/resource';
import source from '../api/source/resource';
import closeReason from '../api/close-reason/resource';
import setting from '../api/setting/resource';

export const RESOURCE_DEFS: ResourceDef[] = [
  lead, customer, opportunity, interaction, auditEvent, visitLog, department, staff,
  stage, level, source, closeReason, setting,
];

const services = new Map<string, RecordService>();

export function registerResources(strapi: Core.Strapi) {
  const byUid = (uid: string) => [...services.values()].find((s) => s.def.uid === uid);
  for (const def of RESOURCE_DEFS) services.set(def.name, recordService(strapi, def, roleTable, byUid));
}

export function records(name: string): RecordService {
  const s = services.get(name);
  if (!s) throw new Error(`unknown CRM resource ${name}`);
  return s;
}
