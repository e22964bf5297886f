// One Document Service middleware enforces each content type's write rules for every writer:
// our API, services, cron, seeding and Strapi's admin Content Manager all write through it.
// Per write, inside one transaction: lock and read the current row, check the caller's
// version, run the content type's rule (which may refuse or normalize the data), write,
// run follow-up effects, and record the audit trail. Anything thrown rolls all of it back.
import type { Core } from '@strapi/strapi';
import { conflict } from './errors';
import { currentWrite, type WriteContext } from './write-context';
import { recordAudit, type AuditTarget } from './audit';

export type Row = Record<string, any> & { id: number; documentId: string };
export type WriteOp = 'create' | 'update' | 'delete';

export interface WriteEvent {
  strapi: Core.Strapi;
  uid: string;
  op: WriteOp;
  /** the row before the write (relations as ids), null on create */
  before: Row | null;
  /** what the row will look like (relations as ids); null on delete */
  after: Record<string, any> | null;
  /** the data being written: a rule may add normalized values to it */
  data: Record<string, any>;
  context: WriteContext;
}

export interface WriteRule {
  check?: (e: WriteEvent) => void | Promise<void>;
  /** effects of a committed-to write, inside the same transaction */
  afterWrite?: (e: WriteEvent, saved: Row | null) => void | Promise<void>;
}

const rules = new Map<string, WriteRule>();
const versioned = new Set<string>();
const audited = new Map<string, AuditTarget>();

export function registerRule(uid: string, rule: WriteRule) {
  rules.set(uid, rule);
}

/** Marks `uid` as a CRM record: versioned when it has a `version` attribute, and audited. */
export function registerRecord(strapi: Core.Strapi, uid: string, audit: AuditTarget | null) {
  if ('version' in strapi.contentType(uid as any).attributes) versioned.add(uid);
  if (audit) audited.set(uid, audit);
}

function relationAttrs(strapi: Core.Strapi, uid: string) {
  const attrs = strapi.contentType(uid as any).attributes as Record<string, any>;
  return Object.entries(attrs).filter(([, a]) => a.type === 'relation').map(([k, a]) => [k, /ToMany$/.test(a.relation)] as const);
}

/** The current row with relations reduced to ids (arrays for *ToMany). */
export async function readRow(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<Row | null> {
  const rels = relationAttrs(strapi, uid);
  const row: any = await strapi.db.query(uid as any).findOne({
    where,
    populate: Object.fromEntries(rels.map(([k]) => [k, { select: ['id'] }])),
  });
  if (!row) return null;
  for (const [k, many] of rels) row[k] = many ? (row[k] ?? []).map((r: any) => r.id) : row[k]?.id ?? null;
  return row;
}

/** Applies relation write syntax (id, [ids], {set}, {connect, disconnect}) to the current ids. */
export function nextRelation(value: any, current: number | number[] | null, many: boolean): number | number[] | null {
  const idOf = (x: any) => (typeof x === 'object' && x !== null ? x.id : x);
  const list = (x: any) => (Array.isArray(x) ? x : [x]).map(idOf).filter((n: any) => Number.isSafeInteger(n));
  let ids: number[];
  if (value === null) ids = [];
  else if (typeof value !== 'object' || Array.isArray(value) || 'id' in value) ids = list(value);
  else if ('set' in value) ids = list(value.set);
  else {
    const base = current === null ? [] : Array.isArray(current) ? current : [current];
    const gone = new Set(list(value.disconnect ?? []));
    ids = [...base.filter((id) => !gone.has(id)), ...list(value.connect ?? [])];
    if (!many && value.connect?.length) ids = list(value.connect);
  }
  return many ? [...new Set(ids)] : ids[ids.length - 1] ?? null;
}

function project(strapi: Core.Strapi, uid: string, before: Row | null, data: Record<string, any>) {
  const after: Record<string, any> = { ...(before ?? {}) };
  const rels = new Map(relationAttrs(strapi, uid));
  for (const [k, v] of Object.entries(data)) {
    after[k] = rels.has(k) ? nextRelation(v, before?.[k] ?? (rels.get(k) ? [] : null), rels.get(k)!) : v;
  }
  for (const [k, many] of rels) if (!(k in after)) after[k] = many ? [] : null;
  return after;
}

function defaultsOf(strapi: Core.Strapi, uid: string) {
  const attrs = strapi.contentType(uid as any).attributes as Record<string, any>;
  return Object.fromEntries(Object.entries(attrs).filter(([, a]) => 'default' in a).map(([k, a]) => [k, a.default]));
}

export async function lockRow(strapi: Core.Strapi, uid: string, documentId: string, trx: any) {
  // PostgreSQL: a row lock serializes concurrent writers of one record; SQLite has one writer anyway.
  if (strapi.db.dialect.client !== 'postgres') return;
  const table = strapi.db.metadata.get(uid as any).tableName;
  await strapi.db.getConnection(table).transacting(trx).where('document_id', documentId).forUpdate().select('id');
}

export function installWriteRules(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const op = ctx.action as WriteOp;
    const uid = ctx.uid as string;
    if (!['create', 'update', 'delete'].includes(op) || (!rules.has(uid) && !audited.has(uid) && !versioned.has(uid))) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const context = currentWrite();
      const documentId = ctx.params?.documentId;
      let before: Row | null = null;
      if (op !== 'create') {
        await lockRow(strapi, uid, documentId, trx);
        before = await readRow(strapi, uid, { documentId });
        if (!before) return next();
      }
      const data: Record<string, any> = op === 'delete' ? {} : (ctx.params.data ??= {});
      if (versioned.has(uid) && op === 'update') {
        // The version a service read, else the one a form sent back (Strapi's Content Manager does).
        const expected = context.expect?.get(`${uid}:${documentId}`) ?? (Number.isSafeInteger(data.version) ? data.version : undefined);
        const current = before!.version ?? 0;
        if (expected !== undefined && expected !== current) {
          throw conflict('version: someone else changed this record meanwhile; reload it and try again', {
            field: 'version', version: current, yours: expected,
          });
        }
        data.version = current + 1;
      } else if (versioned.has(uid) && op === 'create') {
        data.version = 1;
      }
      const after = op === 'delete' ? null : project(strapi, uid, before, op === 'create' ? { ...defaultsOf(strapi, uid), ...data } : data);
      const event: WriteEvent = { strapi, uid, op, before, after, data, context };
      await rules.get(uid)?.check?.(event);
      const result = await next();
      const saved = op === 'delete' ? null : await readRow(strapi, uid, { documentId: result?.documentId ?? documentId });
      await rules.get(uid)?.afterWrite?.(event, saved);
      const target = audited.get(uid);
      if (target) await recordAudit(strapi, target, op, before, saved, context);
      return result;
    });
  });
}
