// A spreadsheet (CSV text, or CSV/XLSX as base64) turned into header + rows, and its headers
// mapped onto API fields: config/import.json's Chinese and English names, custom fields by
// label or key, and whatever the caller mapped explicitly. Pure apart from the parsers.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { badRequest } from './errors';
import type { CustomFieldDef } from './custom-values';

export interface ImportConfig {
  headers: Record<string, Record<string, string[]>>;
  values: Record<string, Record<string, unknown>>;
  /** rows written per multi-row insert */
  chunkRows?: number;
  /** a commit of more rows than this runs as a background job (202 and a job id) */
  backgroundRows?: number;
  /** the largest request body an import accepts (the file travels in it) */
  maxBodyBytes?: number;
}

export interface Sheet { header: string[]; rows: unknown[][] }

const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

/** `file`: CSV text, or base64 of a CSV or XLSX file (`format` says which, else the bytes do). */
export async function readFile(file: unknown, format: unknown, maxRows: number): Promise<Sheet> {
  if (typeof file !== 'string' || !file.trim()) throw badRequest('file: must be the file as text or base64', { field: 'file', code: 'required' });
  if (format !== undefined && format !== 'csv' && format !== 'xlsx') {
    throw badRequest('format: must be csv or xlsx', { field: 'format', code: 'invalid' });
  }
  const looksBase64 = /^[A-Za-z0-9+/=\s]+$/.test(file) && !file.includes(',');
  const buffer = looksBase64 || format === 'xlsx' ? Buffer.from(file, 'base64') : null;
  let cells: unknown[][];
  try {
    if (format === 'xlsx' || (buffer && buffer.subarray(0, 4).equals(ZIP))) {
      cells = (await readSheet(buffer ?? Buffer.from(file, 'base64'))) as unknown[][];
    } else {
      const text = buffer ? buffer.toString('utf8') : file;
      cells = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
    }
  } catch (e: any) {
    throw badRequest(`file: cannot be read (${String(e?.message ?? e).slice(0, 120)})`, { field: 'file', code: 'unreadable_file' });
  }
  const rows = cells.filter((r) => Array.isArray(r) && r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  if (!rows.length) throw badRequest('file: has no header row', { field: 'file', code: 'empty_file' });
  const [header, ...data] = rows;
  if (data.length > maxRows) throw badRequest(`file: at most ${maxRows} rows at once`, { field: 'file', code: 'too_many_rows', max: maxRows });
  return { header: header.map((h) => String(h ?? '').trim()), rows: data };
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * Column index → API field (`custom.<key>` for a custom field), from the config's names, the
 * custom fields' labels and keys, and the caller's explicit `mapping` {header: field | null}.
 */
export function mapHeaders(
  header: string[], names: Record<string, string[]>, custom: CustomFieldDef[], mapping: unknown,
): { columns: (string | null)[]; unmapped: string[] } {
  if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))) {
    throw badRequest('mapping: must be an object of header → field', { field: 'mapping', code: 'invalid' });
  }
  const known = new Map<string, string>();
  for (const [field, aliases] of Object.entries(names)) for (const a of [field, ...aliases]) known.set(norm(a), field);
  for (const d of custom) for (const a of [d.label, d.key, `custom.${d.key}`]) if (a) known.set(norm(a), `custom.${d.key}`);
  const targets = new Set([...Object.keys(names), ...custom.map((d) => `custom.${d.key}`)]);
  const explicit = (mapping ?? {}) as Record<string, unknown>;
  const columns = header.map((h) => {
    if (Object.hasOwn(explicit, h)) {
      const f = explicit[h];
      if (f === null || f === '') return null; // skipped on purpose
      if (typeof f !== 'string' || !targets.has(f)) {
        throw badRequest(`mapping: "${h}" → ${String(f)} is not an importable field`, { field: 'mapping', code: 'invalid', header: h });
      }
      return f;
    }
    return known.get(norm(h)) ?? null;
  });
  const seen = new Set<string>();
  for (const [i, f] of columns.entries()) {
    if (!f) continue;
    if (seen.has(f)) throw badRequest(`mapping: two columns fill ${f} ("${header[i]}")`, { field: 'mapping', code: 'duplicate_column', header: header[i] });
    seen.add(f);
  }
  return { columns, unmapped: header.filter((h, i) => h && !columns[i] && !Object.hasOwn(explicit, h)) };
}

/** A cell as the API value of `field`: words from config values, custom field types, dates. */
export function cellValue(field: string, raw: unknown, values: ImportConfig['values'], custom: CustomFieldDef[]): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) return field === 'birthday' ? raw.toISOString().slice(0, 10) : raw.toISOString();
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === '') return undefined;
  const words = values[field];
  if (words && typeof text === 'string' && Object.hasOwn(words, text.toLowerCase())) return words[text.toLowerCase()];
  if (words && typeof text === 'string' && Object.hasOwn(words, text)) return words[text];
  if (field.startsWith('custom.')) {
    const def = custom.find((d) => `custom.${d.key}` === field);
    if (def?.type === 'number' && typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (def?.type === 'boolean' && typeof text === 'string') return values.hot?.[text.toLowerCase()] ?? text;
    if (def?.type === 'multiselect' && typeof text === 'string') return text.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
    return text;
  }
  return typeof text === 'number' ? String(text) : text;
}
