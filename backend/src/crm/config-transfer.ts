// The whole configuration as one JSON document (stages, levels, sources, reasons, custom fields,
// roles' grants, settings): exported, imported and applied from presets (config/presets/*.json).
// Applying writes through the Document Service, so every entry passes the same checks as an
// admin's edit and is audited; all of it runs in one transaction (a refusal changes nothing),
// and a dry run does the same writes, reports them and rolls back. Entries are matched by their
// natural key: matched ones are updated in place, new ones created, unlisted ones archived (never
// deleted: records keep naming them); `merge` moves the records of an entry to another.
import type { Core } from '@strapi/strapi';
import { badRequest, CrmError } from './errors';
import { records, resources } from './registry';
import { coerce } from './fields';
import type { Resource } from './resource';
import { mergeConfig } from './config-usage';
import { withWrite } from './write-context';

export const CONFIG_FORMAT = 'crm-config';

export interface ConfigDocument {
  format?: string;
  version?: number;
  /** `{<resource>: {<from key>: <into key>}}`: records of an entry move to another, which stays */
  merge?: Record<string, Record<string, string>>;
  [resource: string]: unknown;
}

export interface ApplyReport {
  dryRun: boolean;
  changes: Record<string, { created: string[]; updated: string[]; archived: string[]; merged: string[] }>;
}

const transferable = () => resources().filter((r): r is Resource & { transfer: NonNullable<Resource['transfer']> } => !!r.transfer);
const keyOf = (r: Resource, row: Record<string, any>) => r.transfer!.match.map((f) => String(row[f] ?? '')).join('/');
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const hasActive = (strapi: Core.Strapi, uid: string) => 'active' in (strapi.contentType(uid as any).attributes as object);
const sortOf = (strapi: Core.Strapi, uid: string) => ('order' in (strapi.contentType(uid as any).attributes as object) ? [{ order: 'asc' }, { id: 'asc' }] : [{ id: 'asc' }]);

/** The configuration as it is now. */
export async function exportConfig(strapi: Core.Strapi): Promise<ConfigDocument> {
  const doc: ConfigDocument = { format: CONFIG_FORMAT, version: 1, exportedAt: new Date().toISOString() };
  for (const r of transferable()) {
    const rows: any[] = await strapi.db.query(r.uid as any).findMany({ orderBy: sortOf(strapi, r.uid) as any });
    doc[r.name] = rows
      .filter((row) => r.transfer.fields.every((f) => f in row) && !(r.name === 'roles' && row.grants == null))
      .map((row) => Object.fromEntries(r.transfer.fields.map((f) => [f, r.transfer.json?.includes(f) && typeof row[f] === 'string' ? JSON.parse(row[f]) : row[f] ?? null])));
  }
  return doc;
}

/** The resources a document touches (each needs the caller's `edit` grant). */
export function resourcesOf(doc: unknown): string[] {
  const d = checkShape(doc);
  return transferable().filter((r) => d[r.name] !== undefined).map((r) => r.name);
}

function checkShape(doc: unknown): ConfigDocument {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw badRequest('body: must be a configuration document (a JSON object)', { field: 'body', code: 'invalid_config' });
  }
  const d = doc as ConfigDocument;
  if (d.format !== undefined && d.format !== CONFIG_FORMAT) {
    throw badRequest(`format: must be ${CONFIG_FORMAT}`, { field: 'format', code: 'invalid_config' });
  }
  const known = new Set([...transferable().map((r) => r.name), 'format', 'version', 'merge', 'exportedAt', '$comment', 'name', 'label', 'labelEn', 'description']);
  const unknown = Object.keys(d).find((k) => !known.has(k));
  if (unknown) throw badRequest(`${unknown}: not part of the configuration`, { field: unknown, code: 'invalid_config' });
  for (const r of transferable()) {
    const rows = d[r.name];
    if (rows === undefined) continue;
    if (!Array.isArray(rows) || rows.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
      throw badRequest(`${r.name}: must be a list of entries`, { field: r.name, code: 'invalid_config' });
    }
  }
  return d;
}

class DryRun extends Error {}

/** Names a refusal by the entry it came from: `stages[2].probability`. */
function at(e: unknown, where: string): unknown {
  if (!(e instanceof CrmError) && !(e as any)?.details) return e;
  const details = { ...((e as any).details ?? {}) };
  details.field = details.field ? `${where}.${details.field}` : where;
  return new CrmError((e as any).status ?? 400, (e as any).name ?? 'ValidationError', `${where}: ${(e as any).message}`, details);
}

/** Applies `doc` (all or nothing); `dryRun`: reports what would change and changes nothing. */
export async function applyConfig(strapi: Core.Strapi, doc: unknown, opts: { dryRun?: boolean; intent?: string } = {}): Promise<ApplyReport> {
  const d = checkShape(doc);
  const report: ApplyReport = { dryRun: !!opts.dryRun, changes: {} };
  const run = () => strapi.db.transaction(async () => {
    for (const r of transferable()) {
      const rows = d[r.name] as Record<string, any>[] | undefined;
      if (!rows) continue;
      const out = (report.changes[r.name] = { created: [] as string[], updated: [] as string[], archived: [] as string[], merged: [] as string[] });
      const docs = strapi.documents(r.uid as any);
      const existing: any[] = await strapi.db.query(r.uid as any).findMany({});
      const seen = new Set<number>();
      for (const [i, raw] of rows.entries()) {
        const where = `${r.name}[${i}]`;
        const data: Record<string, any> = {};
        for (const f of r.transfer.fields) {
          if (!(f in raw)) continue;
          data[f] = r.transfer.json?.includes(f) && raw[f] !== null ? JSON.stringify(raw[f]) : raw[f];
        }
        // an entry the document lists is in use again unless it says otherwise
        if (hasActive(strapi, r.uid) && r.transfer.fields.includes('active') && !('active' in raw)) data.active = true;
        const missing = r.transfer.match.find((f) => data[f] === undefined || data[f] === null || data[f] === '');
        if (missing) throw badRequest(`${where}.${missing}: is required`, { field: `${where}.${missing}`, code: 'required' });
        const key = keyOf(r, data);
        const found = existing.find((row) => keyOf(r, row) === key);
        try {
          // typed like an admin's edit through the API (ranges, lengths, enumerations)
          const fields = records(r.name).fields();
          for (const [f, v] of Object.entries(data)) {
            const field = fields.find((x) => x.attr === f);
            if (field) data[f] = coerce(field, v);
          }
          if (found) {
            if (seen.has(found.id)) throw badRequest(`${where}: ${key} is listed twice`, { code: 'duplicate_entry', name: key });
            seen.add(found.id);
            const stored = (f: string) => (r.transfer.json?.includes(f) && typeof found[f] === 'string' ? JSON.parse(found[f]) : found[f]);
            const given = (f: string, v: unknown) => (r.transfer.json?.includes(f) && typeof v === 'string' ? JSON.parse(v) : v);
            const changed = Object.fromEntries(Object.entries(data).filter(([f, v]) => !r.transfer.match.includes(f) && !same(stored(f), given(f, v))));
            if (Object.keys(changed).length) {
              await docs.update({ documentId: found.documentId, data: changed } as any);
              out.updated.push(key);
            }
          } else {
            if (r.transfer.create === false) throw badRequest(`${where}: no ${r.name} entry ${key}`, { code: 'unknown_entry', name: key });
            const created: any = await docs.create({ data } as any);
            seen.add(created.id);
            out.created.push(key);
          }
        } catch (e) {
          throw at(e, where);
        }
      }
      // never deleted: records may name them; archived entries stay readable
      if (hasActive(strapi, r.uid)) {
        for (const row of existing) {
          if (seen.has(row.id) || row.active === false) continue;
          await docs.update({ documentId: row.documentId, data: { active: false } } as any);
          out.archived.push(keyOf(r, row));
        }
      }
    }
    for (const [name, pairs] of Object.entries(d.merge ?? {})) {
      const r = transferable().find((x) => x.name === name);
      if (!r?.inUse || typeof pairs !== 'object' || pairs === null) throw badRequest(`merge.${name}: cannot be merged`, { field: `merge.${name}`, code: 'not_mergeable' });
      const rows: any[] = await strapi.db.query(r.uid as any).findMany({});
      for (const [fromKey, intoKey] of Object.entries(pairs)) {
        const from = rows.find((x) => keyOf(r, x) === fromKey);
        const into = rows.find((x) => keyOf(r, x) === intoKey);
        if (!from) continue; // nothing to move on this install
        if (!into || into.active === false) throw badRequest(`merge.${name}.${fromKey}: ${intoKey} is not an active entry`, { field: `merge.${name}`, code: 'merge_into_archived' });
        if (from.id === into.id) continue;
        const moved = await mergeConfig(strapi, r.uid, r.inUse, from, into);
        (report.changes[name] ??= { created: [], updated: [], archived: [], merged: [] }).merged.push(`${fromKey} → ${intoKey} (${moved})`);
      }
    }
    if (opts.dryRun) throw new DryRun();
  });
  try {
    await withWrite({ intent: opts.intent ?? 'config-import' }, run);
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}
