// `POST /api/crm/<resource>/import?dryRun=true|false` {file, format?, mapping?, owner?, roundRobin?}
// for resources marked `importable`. Every row goes through the same validated write path as a
// typed-in record (records.ts create → the rules middleware: types, lists, custom fields,
// duplicates, audit), all inside ONE transaction: a dry run, or a file with any bad row, rolls
// it all back and answers every bad row by number and field; a clean commit keeps it all.
import { assertCan, type Actor } from './access';
import { CrmError, badRequest } from './errors';
import { records } from './registry';
import { relationData } from './records';
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

export async function importRows(
  actor: Actor, name: string, body: Record<string, any>, dryRun: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const svc = records(name);
  const config = readConfig<ImportConfig>(strapi.dirs.app.root, 'import.json');
  const names = config.headers[name];
  if (!names || !svc.def.importable) throw badRequest(`${name} cannot be imported`, { field: 'resource', code: 'not_importable' });
  const custom = svc.def.custom ? (await customDefs(strapi, svc.def.custom)).filter((d) => d.active !== false) : [];
  const sheet = await readFile(body.file, body.format, MAX_IMPORT_ROWS);
  const { columns, unmapped } = mapHeaders(sheet.header, names, custom, body.mapping);
  if (!columns.some(Boolean)) throw badRequest('file: no column matches a field; map the columns', { field: 'mapping', code: 'nothing_mapped', unmapped });
  const ownerOf = await ownerPicker(name, actor, body);

  const errors: ImportError[] = [];
  let valid = 0;
  const run = async () => {
    for (const [i, cells] of sheet.rows.entries()) {
      const row = i + 2; // the header is row 1, as the spreadsheet numbers them
      const rec: Record<string, any> = {};
      for (const [c, field] of columns.entries()) {
        if (!field) continue;
        const v = cellValue(field, cells[c], config.values, custom);
        if (v === undefined) continue;
        if (field.startsWith('custom.')) (rec.custom ??= {})[field.slice(7)] = v;
        else rec[field] = v;
      }
      const owner = ownerOf(i);
      try {
        await svc.create(actor, rec, owner === undefined ? {} : { [svc.def.owner ?? 'owner']: relationData(owner) }, 'import');
        valid += 1;
      } catch (e) {
        if (!(e instanceof CrmError) || e.status >= 500) throw e;
        const d = (e.details ?? {}) as Record<string, any>;
        if (errors.length < MAX_ERRORS) errors.push({ row, field: typeof d.field === 'string' ? d.field : null, code: String(d.code ?? 'invalid'), message: e.message });
      }
      onProgress?.(i + 1, sheet.rows.length);
    }
    if (dryRun || errors.length) throw new Rollback();
  };
  try {
    await strapi.db.transaction(run);
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const imported = !dryRun && !errors.length ? valid : 0;
  return { total: sheet.rows.length, valid, imported, errors, unmapped };
}
