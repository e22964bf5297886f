// `GET /api/crm/<resource>/export?format=csv|xlsx&filter=&sort=&labels=`: the list the caller
// sees, with its filter and sort, streamed page by page (records.ts#pages: the list path and its
// scope), so a 100k-row export never sits in memory. CSV is UTF-8 with a BOM (Excel opens
// Chinese); XLSX comes from exceljs's streaming writer. Headers are the `labels` the UI sends (its
// catalog, in the user's language); else, for a Chinese caller (`locale=zh`, or Accept-Language
// preferring zh), the Chinese field labels (panel-zh.json, from the same catalogs); else the API
// field names (integrations). Custom fields carry their own label.
// Each export is an audit event: who exported which filter.
import { PassThrough, type Writable } from 'stream';
import { once } from 'events';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Actor } from './access';
import { badRequest } from './errors';
import { records } from './registry';
import { customDefs } from './custom-fields';
import { USER_UID } from './org';
import { AUDIT_UID } from './audit';
import { crmZone, wallClockOf } from './time';
import { apiFieldLabel } from './panel-text';
import type { Field } from './fields';

const FORMATS = ['csv', 'xlsx'] as const;
const SKIPPED = new Set(['version', 'custom']);
const HIGH_WATER = 1 << 20;

interface Column { header: string; value: (rec: Record<string, any>, names: Map<number, string>) => unknown }

function readLabels(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === '') return {};
  let v: unknown;
  try {
    v = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch { /* refused below */ }
  if (!v || typeof v !== 'object' || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) {
    throw badRequest('labels: must be a JSON object of field → header', { param: 'labels', field: 'labels', code: 'invalid_query' });
  }
  return v as Record<string, string>;
}

/** A date-time as wall-clock time in the CRM zone, `YYYY-MM-DD HH:mm:ss`, as a person reads it. */
const wall = (v: unknown, zone: string) => {
  const t = new Date(String(v)).getTime();
  return Number.isNaN(t) ? v : new Date(wallClockOf(zone, t)).toISOString().slice(0, 19).replace('T', ' ');
};

/** zh when the caller asks for Chinese: `locale`, else the first language of Accept-Language. */
function isChinese(ctx: any, locale: unknown): boolean {
  if (locale !== undefined && locale !== 'zh' && locale !== 'en') {
    throw badRequest('locale: must be zh or en', { param: 'locale', field: 'locale', code: 'invalid_query' });
  }
  if (locale) return locale === 'zh';
  const first = String(ctx.get?.('accept-language') ?? '').split(',')[0].trim().toLowerCase();
  return first.startsWith('zh');
}

async function columnsOf(name: string, label: (api: string) => string | undefined): Promise<{ columns: Column[]; staffFields: Field[] }> {
  const svc = records(name);
  const zone = crmZone();
  const fields = svc.fields().filter((f) => !SKIPPED.has(f.api));
  const staffFields = fields.filter((f) => f.kind === 'relation' && f.target === USER_UID && !f.many);
  const columns: Column[] = [{ header: label('id') ?? 'id', value: (r) => r.id }];
  for (const f of fields) {
    const header = label(f.api) ?? f.api;
    if (staffFields.includes(f)) columns.push({ header, value: (r, names) => (r[f.api] == null ? null : names.get(r[f.api]) ?? r[f.api]) });
    else if (f.kind === 'datetime') columns.push({ header, value: (r) => (r[f.api] == null ? null : wall(r[f.api], zone)) });
    else if (f.kind === 'json' || f.many) columns.push({ header, value: (r) => (r[f.api] == null ? null : Array.isArray(r[f.api]) ? r[f.api].join('、') : JSON.stringify(r[f.api])) });
    else columns.push({ header, value: (r) => r[f.api] });
  }
  if (svc.def.custom) {
    for (const d of (await customDefs(strapi, svc.def.custom)).filter((x) => x.active !== false)) {
      columns.push({ header: d.label || d.key, value: (r) => {
        const v = r.custom?.[d.key];
        return v == null ? null : Array.isArray(v) ? v.join('、') : v;
      } });
    }
  }
  return { columns, staffFields };
}

/** Display names of the staff a page refers to, in one query. */
async function staffNames(rows: Record<string, any>[], fields: Field[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((r) => fields.map((f) => r[f.api]).filter((x) => typeof x === 'number')))];
  if (!ids.length) return new Map();
  const users: any[] = await strapi.db.query(USER_UID as any).findMany({ where: { id: { $in: ids } }, select: ['id', 'username', 'displayName'] });
  return new Map(users.map((u) => [u.id, u.displayName || u.username]));
}

async function writeOut(out: Writable, chunk: unknown) {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function exportList(ctx: any, actor: Actor, name: string) {
  const { format = 'csv', labels: rawLabels, locale, ...query } = ctx.query as Record<string, unknown>;
  if (!FORMATS.includes(format as any)) {
    throw badRequest(`format: must be one of ${FORMATS.join(', ')}`, { param: 'format', field: 'format', code: 'invalid_query' });
  }
  const given = readLabels(rawLabels);
  const chinese = isChinese(ctx, locale);
  const label = (api: string) => given[api] ?? (chinese ? apiFieldLabel(name, api) : undefined);
  const pages = records(name).pages(actor, query);
  // the first page before any byte: a refused grant or a bad filter is still a JSON error
  const first = await pages.next();
  const { columns, staffFields } = await columnsOf(name, label);
  await strapi.documents(AUDIT_UID as any).create({
    data: {
      resource: name, recordId: 0, action: 'export', field: null, intent: 'export',
      fromValue: { v: null }, toValue: { v: { format, filter: query.filter ?? null, sort: query.sort ?? null } },
      actor: { set: [{ id: actor.id }] }, actorName: actor.name ?? String(actor.id),
    },
  } as any);

  const stamp = new Date(wallClockOf(crmZone(), Date.now())).toISOString().slice(0, 10);
  ctx.set('Content-Disposition', `attachment; filename="${name}-${stamp}.${format}"`);
  const body = new PassThrough();
  ctx.type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  ctx.body = body;

  const rowsOf = async (recs: Record<string, any>[]) => {
    const names = await staffNames(recs, staffFields);
    return recs.map((r) => columns.map((c) => c.value(r, names) ?? null));
  };
  const run = async () => {
    if (format === 'csv') {
      const csv = stringify({ bom: true, header: true, columns: columns.map((c) => c.header) });
      csv.pipe(body);
      const emit = async (recs: Record<string, any>[]) => {
        for (const row of await rowsOf(recs)) await writeOut(csv, row);
      };
      if (!first.done) await emit(first.value);
      for await (const page of pages) await emit(page);
      csv.end();
      return;
    }
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: body, useStyles: false, useSharedStrings: false });
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns.map((c) => c.header)).commit();
    const emit = async (recs: Record<string, any>[]) => {
      for (const row of await rowsOf(recs)) sheet.addRow(row).commit();
      if (body.writableLength > HIGH_WATER) await once(body, 'drain');
    };
    if (!first.done) await emit(first.value);
    for await (const page of pages) await emit(page);
    sheet.commit();
    await book.commit();
  };
  run().catch((e) => {
    strapi.log.error(`[crm] export of ${name} failed: ${e?.message ?? e}`);
    body.destroy(e);
  });
  return undefined;
}
