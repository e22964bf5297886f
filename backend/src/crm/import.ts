// `POST /api/crm/<resource>/import?dryRun=true|false` {file, format?, mapping?, owner?, roundRobin?}
// for resources marked `importable`. Every row goes through the same validated write path as a
// typed-in record (records.ts createMany → crm/bulk-write.ts: the rules of crm/rules.ts, types,
// lists, custom fields, duplicates, audit), in chunks, all inside ONE transaction: a dry run, or
// a file with any bad row, rolls it all back and answers every bad row by number and field; a
// clean commit keeps it all.
import { assertCan, type Actor } from './access';
import { badRequest } from './errors';
import { withWrite, WriteBatch } from './write-context';
import { records } from './registry';
import { relationData, type RecordService } from './records';
import type { CustomFieldDef } from './custom-values';
import { customDefs } from './custom-fields';
import { eligibleAssignees } from './assignees';
import { readConfig, roleTable } from './roles';
import { cellValue, mapHeaders, readFile, type ImportConfig } from './import-file';

export const MAX_IMPORT_ROWS = 100000;
const MAX_ERRORS = 1000;

export interface ImportError { row: number; field: string | null; code: string; message: string }
export interface ImportReport { total: number; valid: number; imported: number; errors: ImportError[]; unmapped: string[] }

class Rollback extends Error {}

/** Who owns each row: the one chosen, round robin over the caller's consultants, else the caller. */
async function ownerPicker(name: string, actor: Actor, body: Record<string, any>): Promise<(i: number) => number | undefined> {
  if (body.owner !== undefined && body.owner !== null && body.owner !== '') {
    const id = Number(body.owner);
    // handing records to someone else is an assignment: it needs the grant to assign
    if (id !== actor.id) assertCan(roleTable(), actor, name, 'assign');
    const eligible = await eligibleAssignees(name, actor);
    if (!eligible.some((a) => a.id === id)) throw badRequest('owner: cannot receive records from you', { field: 'owner', code: 'assignee_not_allowed' });
    return () => id;
  }
  if (body.roundRobin === true) {
    assertCan(roleTable(), actor, name, 'assign');
    const team = (await eligibleAssignees(name, actor)).filter((a) => a.role === 'sales');
    if (!team.length) throw badRequest('roundRobin: nobody in your team can receive them', { field: 'roundRobin', code: 'no_assignee' });
    return (i) => team[i % team.length].id;
  }
  return () => undefined; // records.ts makes the caller the owner
}

export type Progress = (done: number, total: number, errors: number) => void;

/** A file read, mapped and refused early (file, mapping, owner); `run` imports it. */
export interface PreparedImport {
  total: number;
  /** whether a commit of it runs as a background job (config/import.json backgroundRows) */
  big: boolean;
  run: (dryRun: boolean, onProgress?: Progress) => Promise<ImportReport>;
}

export async function importRows(actor: Actor, name: string, body: Record<string, any>, dryRun: boolean, onProgress?: Progress) {
  return (await prepareImport(actor, name, body)).run(dryRun, onProgress);
}

export async function prepareImport(actor: Actor, name: string, body: Record<string, any>): Promise<PreparedImport> {
  const svc = records(name);
  const config = readConfig<ImportConfig>(strapi.dirs.app.root, 'import.json');
  const names = config.headers[name];
  if (!names || !svc.def.importable) throw badRequest(`${name} cannot be imported`, { field: 'resource', code: 'not_importable' });
  const custom = svc.def.custom ? (await customDefs(strapi, svc.def.custom)).filter((d) => d.active !== false) : [];
  const sheet = await readFile(body.file, body.format, MAX_IMPORT_ROWS);
  const { columns, unmapped } = mapHeaders(sheet.header, names, custom, body.mapping);
  if (!columns.some(Boolean)) throw badRequest('file: no column matches a field; map the columns', { field: 'mapping', code: 'nothing_mapped', unmapped });
  const ownerOf = await ownerPicker(name, actor, body);
  const total = sheet.rows.length;
  const big = total > Number(config.backgroundRows ?? Infinity);
  return { total, big, run: (dryRun, onProgress) => runImport(svc, actor, sheet.rows, columns, unmapped, ownerOf, config, custom, dryRun, onProgress) };
}

async function runImport(
  svc: RecordService, actor: Actor, rows: unknown[][], columns: (string | null)[], unmapped: string[],
  ownerOf: (i: number) => number | undefined, config: ImportConfig, custom: CustomFieldDef[], dryRun: boolean, onProgress?: Progress,
): Promise<ImportReport> {
  const errors: ImportError[] = [];
  let valid = 0;
  const total = rows.length;
  const chunk = Math.max(1, Number(config.chunkRows ?? 1000));
  const itemOf = (cells: unknown[], i: number) => {
    const rec: Record<string, any> = {};
    for (const [c, field] of columns.entries()) {
      if (!field) continue;
      const v = cellValue(field, cells[c], config.values, custom);
      if (v === undefined) continue;
      if (field.startsWith('custom.')) (rec.custom ??= {})[field.slice(7)] = v;
      else rec[field] = v;
    }
    const owner = ownerOf(i);
    return { body: rec, extra: owner === undefined ? {} : { [svc.def.owner ?? 'owner']: relationData(owner) } };
  };
  // chunk by chunk, in file order: a chunk's checks see the rows of the chunks before it
  const run = async () => {
    for (let start = 0; start < total; start += chunk) {
      // let the event loop breathe between chunks: with SQLite's synchronous driver every query
      // resolves at once, and a whole import would run before an answer (the job's 202) goes out
      await new Promise((resolve) => setImmediate(resolve));
      const items = rows.slice(start, start + chunk).map((cells, j) => itemOf(cells, start + j));
      const refused = await svc.createMany(actor, items, 'import');
      for (const [j, e] of refused.entries()) {
        if (!e) valid += 1;
        else if (errors.length < MAX_ERRORS) {
          const d = (e.details ?? {}) as Record<string, any>;
          // the header is row 1, as the spreadsheet numbers them
          errors.push({ row: start + j + 2, field: typeof d.field === 'string' ? d.field : null, code: String(d.code ?? 'invalid'), message: e.message });
        }
      }
      onProgress?.(Math.min(start + chunk, total), total, errors.length);
    }
    if (dryRun || errors.length) throw new Rollback();
  };
  try {
    // one batch for the whole file: the configured lists are read once
    await withWrite({ batch: new WriteBatch() }, () => strapi.db.transaction(run));
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const imported = !dryRun && !errors.length ? valid : 0;
  return { total, valid, imported, errors, unmapped };
}
