// What every report runs on: the caller's filters (date range in the CRM zone, department,
// owner), and the records it may count as SQL subqueries built by the record service through the
// one visibility scope (records.ts#idQuery with the `report` grant). Reports group over those
// ids in the database; no report loads records into Node.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { assertCan, type Actor } from '../../crm/access';
import { badRequest } from '../../crm/errors';
import { idOf, isRecordId } from '../../crm/fields';
import { records, resource } from '../../crm/registry';
import { roleTable } from '../../crm/roles';
import { teamOf } from '../../crm/org';
import { crmZone, instantOfWall, wallClockOf } from '../../crm/time';
import { REPORT } from '../../crm/grants';
import { dialectOf, type Dialect } from '../../crm/custom-fields';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARAMS = new Set(['from', 'to', 'department', 'owner']);
const DAY = 86400000;

export interface ReportFilters {
  /** instants: [from, to) — `to` is the day after the last day asked for */
  from?: Date;
  to?: Date;
  /** staff whose records count (department subtree or one owner); undefined: everyone visible */
  staff?: number[];
}

function dayStart(name: string, raw: unknown, zone: string, plusDays = 0): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const m = typeof raw === 'string' ? DATE.exec(raw) : null;
  const wall = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || new Date(wall).getUTCDate() !== +m[3]) {
    throw badRequest(`${name}: must be a date (YYYY-MM-DD)`, { param: name, field: name, code: 'invalid_date' });
  }
  return new Date(instantOfWall(zone, wall + plusDays * DAY));
}

function recordIdParam(name: string, raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = idOf(raw);
  if (!isRecordId(n)) throw badRequest(`${name}: must be a record id`, { param: name, field: name, code: 'invalid_id' });
  return n;
}

export async function readFilters(strapi: Core.Strapi, query: Record<string, unknown>): Promise<ReportFilters> {
  const unknown = Object.keys(query).find((k) => !PARAMS.has(k));
  if (unknown) throw badRequest(`unknown query parameter "${unknown}"`, { param: unknown, code: 'invalid_query' });
  const zone = crmZone();
  const from = dayStart('from', query.from, zone);
  const to = dayStart('to', query.to, zone, 1);
  if (from && to && to <= from) throw badRequest('to: must not be before from', { param: 'to', field: 'to', code: 'invalid_query' });
  const department = recordIdParam('department', query.department);
  const owner = recordIdParam('owner', query.owner);
  let staff: number[] | undefined;
  if (department) staff = (await teamOf(strapi, department, -1)).filter((id) => id > 0);
  if (owner) staff = staff ? staff.filter((id) => id === owner) : [owner];
  return { from, to, staff };
}

export class ReportContext {
  readonly knex: Knex;
  readonly dialect: Dialect;
  readonly zone = crmZone();

  constructor(readonly strapi: Core.Strapi, readonly actor: Actor, readonly filters: ReportFilters) {
    this.knex = strapi.db.connection as unknown as Knex;
    this.dialect = dialectOf(strapi);
  }

  private meta(name: string) {
    return this.strapi.db.metadata.get(resource(name).uid as any) as any;
  }

  table(name: string): string {
    return this.meta(name).tableName;
  }

  /** The column of attribute `attr` of resource `name`. */
  col(name: string, attr: string): string {
    const a = this.meta(name).attributes[attr];
    if (!a || a.type === 'relation') throw new Error(`${name}.${attr} is not a column`);
    return a.columnName ?? attr;
  }

  /** The link table of relation `attr`: `own` holds this record's id, `other` the related one. */
  link(name: string, attr: string): { table: string; own: string; other: string } {
    const jt = this.meta(name).attributes[attr]?.joinTable;
    if (!jt) throw new Error(`${name}.${attr} has no link table`);
    return { table: jt.name, own: jt.joinColumn.name, other: jt.inverseJoinColumn.name };
  }

  /**
   * Ids of `name`'s records the caller may count: the `report` grant and its scope, the
   * department/owner filter on the record's owner (or who logged it), and the date range on
   * `dateAttr` (none when the report dates records otherwise).
   */
  ids(name: string, dateAttr: string | null = 'createdAt', extra: Record<string, unknown>[] = []) {
    assertCan(roleTable(), this.actor, name, REPORT);
    const def = resource(name);
    const parts: Record<string, unknown>[] = [...extra];
    const by = def.owner ?? def.creator;
    if (this.filters.staff && by) parts.push({ [by]: { id: { $in: this.filters.staff.length ? this.filters.staff : [-1] } } });
    if (dateAttr && this.filters.from) parts.push({ [dateAttr]: { $gte: this.filters.from } });
    if (dateAttr && this.filters.to) parts.push({ [dateAttr]: { $lt: this.filters.to } });
    return records(name).idQuery(this.actor, REPORT, parts.length ? { $and: parts } : {});
  }

  /** The SQL of the CRM-zone calendar day (`YYYY-MM-DD`) or month (`YYYY-MM`) of a date-time column. */
  period(column: string, unit: 'day' | 'month'): string {
    if (this.dialect === 'postgres') {
      if (!/^[A-Za-z_/+-]+$/.test(this.zone)) throw new Error(`unsafe zone ${this.zone}`);
      // Strapi's date-times are `timestamp` without zone, holding UTC
      return `to_char(((${column} AT TIME ZONE 'UTC') AT TIME ZONE '${this.zone}'), '${unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`;
    }
    // SQLite stores milliseconds and knows no zones: shift by the zone's offset at the range start
    // (exact for zones without daylight saving, such as Asia/Shanghai).
    const at = (this.filters.from ?? new Date()).getTime();
    const offset = Math.round(wallClockOf(this.zone, at) - at);
    return `strftime('${unit === 'day' ? '%Y-%m-%d' : '%Y-%m'}', (${column} + ${offset}) / 1000, 'unixepoch')`;
  }

  /** An instant as the database binds a date-time (SQLite keeps milliseconds). */
  instant(d: Date): Date | number {
    return this.dialect === 'sqlite' ? d.getTime() : d;
  }

  /** `column` (a date-time) plus `hours`, in SQL. */
  plusHours(column: string, hours: number): string {
    const h = Number(hours);
    return this.dialect === 'postgres' ? `(${column} + interval '${h} hours')` : `(${column} + ${h * 3600000})`;
  }

  /** The text of an audit value column (`{v: <value>}`, see crm/audit.ts). */
  auditValue(column: string): string {
    return this.dialect === 'postgres' ? `(${column} ->> 'v')` : `json_extract(${column}, '$.v')`;
  }
}

export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
export const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : 0);
