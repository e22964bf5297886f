// Every resource served at /api/crm/<name>, discovered from the concept folders: a folder under
// src/api with a `resource.(ts|js)` default-exporting a ResourceDef is a resource. Generic code
// never imports a concept; adding one is a folder plus its grants in config/roles.json.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { recordService, type RecordService } from './records';
import { roleTable } from './roles';
import type { Resource, ResourceDef } from './resource';

const API_DIR = path.join(__dirname, '..', 'api');

let discovered: Resource[] | undefined;

/** The resources, in folder order. Synchronous and lazy: Strapi loads routes before `register`. */
export function resources(): Resource[] {
  if (discovered) return discovered;
  const out: Resource[] = [];
  for (const folder of fs.readdirSync(API_DIR).sort()) {
    const file = ['resource.js', 'resource.ts'].map((f) => path.join(API_DIR, folder, f)).find((f) => fs.existsSync(f));
    if (!file) continue;
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const def: ResourceDef = require(file).default;
    if (!def?.name || !def.uid) throw new Error(`${folder}/resource: must default-export a ResourceDef`);
    out.push({ ...def, folder, api: `api::${folder}.${folder}` });
  }
  return (discovered = out);
}

export function resource(name: string): Resource {
  const def = Object.prototype.hasOwnProperty.call(byName(), name) ? byName()[name] : undefined;
  if (!def) throw new Error(`unknown CRM resource ${name}`);
  return def;
}

export const isResource = (name: unknown): name is string =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(byName(), name);

let names: Record<string, Resource> | undefined;
const byName = () => (names ??= Object.fromEntries(resources().map((r) => [r.name, r])));

const services = new Map<string, RecordService>();

export function registerResources(strapi: Core.Strapi) {
  const byUid = (uid: string) => [...services.values()].find((s) => s.def.uid === uid);
  for (const def of resources()) services.set(def.name, recordService(strapi, def, roleTable, byUid));
}

export function records(name: string): RecordService {
  const s = services.get(name);
  if (!s) throw new Error(`unknown CRM resource ${name}`);
  return s;
}
