// One Document Service middleware enforces each content type's write rules for every writer:
// our API, services, cron, seeding and Strapi's admin Content Manager all write through it.
// Per write, inside one transaction: lock and read the current row, check the caller's
// version, run the content type's rule (which may refuse or normalize the data), write,
// run follow-up effects, and record the audit trail. Anything thrown rolls all of it back.
import type { Core } from '@strapi/strapi';
import { conflict } from './errors';
import { currentWrite, type WriteContext } from './write-context';
import { recordAudit, type AuditTarget } from './audit';
import { checkCustomValues, PURGE_INTENT, type CustomFieldDef } from './custom-values';
import { customDefs } from './custom-fields';
import { emitEvents, eventsOf, type EventTriggers } from './events';
import { syncSearchTokens } from './search-tokens';

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
  /**
   * The refusal for a unique-index violation (a race the check could not see, such as two
   * creates of one mobile at once). Runs after the failed statement was rolled back to a savepoint,
   * so it may read; the winner has committed by then.
   */
  onUnique?: (e: WriteEvent) => Error | Promise<Error>;
  /**
   * A bulk write (crm/bulk-write.ts) is about to check `events`: load what `check` and
   * `afterWrite` look up into `context.batch` with one query for all of them (see lookup()).
   */
  prefetch?: (events: WriteEvent[]) => Promise<void>;
}

/** What the middleware needs to know of a content type; declared on each resource. */
export interface RecordTraits {
  rule?: WriteRule;
  versioned?: boolean;
  audit?: AuditTarget | null;
  /** record kind whose custom field definitions the `custom` attribute obeys */
  custom?: string;
  /** the CRM events its writes raise (crm/events.ts) */
  events?: EventTriggers;
}

const traits = new Map<string, RecordTraits>();

export const traitsOf = (uid: string) => traits.get(uid);

/** One rule made of several (a concept's own, and generic ones such as configuration in use). */
export function allOf(...parts: (WriteRule | undefined)[]): WriteRule | undefined {
  const rules = parts.filter((r): r is WriteRule => !!r);
  if (rules.length <= 1) return rules[0];
  return {
    check: async (e) => { for (const r of rules) await r.check?.(e); },
    afterWrite: async (e, saved) => { for (const r of rules) await r.afterWrite?.(e, saved); },
    onUnique: rules.find((r) => r.onUnique)?.onUnique,
    prefetch: async (events) => { for (const r of rules) await r.prefetch?.(events); },
  };
}

export function registerRecord(strapi: Core.Strapi, uid: string, t: RecordTraits) {
  if (t.versioned && !('version' in strapi.contentType(uid as any).attributes)) {
    throw new Error(`${uid} is declared versioned but has no version attribute`);
  }
  traits.set(uid, t);
}

// content types are fixed once Strapi has loaded: their relations and defaults are read once
const relationsOf = new Map<string, (readonly [string, boolean])[]>();
const defaultsByUid = new Map<string, Record<string, unknown>>();

export function relationAttrs(strapi: Core.Strapi, uid: string) {
  let rels = relationsOf.get(uid);
  if (!rels) {
    const attrs = strapi.contentType(uid as any).attributes as Record<string, any>;
    rels = Object.entries(attrs).filter(([, a]) => a.type === 'relation').map(([k, a]) => [k, /ToMany$/.test(a.relation)] as const);
    relationsOf.set(uid, rels);
  }
  return rels;
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

export function project(strapi: Core.Strapi, uid: string, before: Row | null, data: Record<string, any>) {
  const after: Record<string, any> = { ...(before ?? {}) };
  const rels = new Map(relationAttrs(strapi, uid));
  for (const [k, v] of Object.entries(data)) {
    after[k] = rels.has(k) ? nextRelation(v, before?.[k] ?? (rels.get(k) ? [] : null), rels.get(k)!) : v;
  }
  for (const [k, many] of rels) if (!(k in after)) after[k] = many ? [] : null;
  return after;
}

export function defaultsOf(strapi: Core.Strapi, uid: string) {
  let defaults = defaultsByUid.get(uid);
  if (!defaults) {
    const attrs = strapi.contentType(uid as any).attributes as Record<string, any>;
    defaults = Object.fromEntries(Object.entries(attrs).filter(([, a]) => 'default' in a).map(([k, a]) => [k, a.default]));
    defaultsByUid.set(uid, defaults);
  }
  return defaults;
}

/**
 * Locks a row for the rest of the transaction. PostgreSQL: `SELECT … FOR UPDATE` serializes
 * concurrent writers of one record; SQLite has a single writer anyway. Named actions lock their
 * record before reading the state they decide from, so a race ends in a 409, never a deadlock.
 */
export async function lockRow(strapi: Core.Strapi, uid: string, where: { documentId?: string; id?: number }) {
  if (strapi.db.dialect.client !== 'postgres') return;
  const table = strapi.db.metadata.get(uid as any).tableName;
  const by = where.documentId !== undefined ? { document_id: where.documentId } : { id: where.id };
  // Joins the caller's transaction (Strapi nests transactions into the outer one).
  await strapi.db.transaction(({ trx }) => strapi.db.getConnection(table).transacting(trx).where(by).forUpdate().select('id'));
}

export const UNIQUE_VIOLATION = (e: any) => e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');

/** Runs `write`; maps a unique violation through the rule (savepoint: the transaction lives on). */
async function guarded<T>(trx: any, rule: WriteRule | undefined, event: WriteEvent, write: () => Promise<T>): Promise<T> {
  if (!rule?.onUnique) return write();
  await trx.raw('SAVEPOINT crm_write');
  try {
    const out = await write();
    await trx.raw('RELEASE SAVEPOINT crm_write');
    return out;
  } catch (e) {
    if (!UNIQUE_VIOLATION(e)) throw e;
    await trx.raw('ROLLBACK TO SAVEPOINT crm_write');
    throw await rule.onUnique(event);
  }
}

/**
 * A create as the rules see it (the middleware's and a bulk write's): version 1, the attribute
 * defaults, custom values checked against `defs` (which may refuse). Mutates `data` as the rule would.
 */
export function createEvent(
  strapi: Core.Strapi, uid: string, t: RecordTraits, data: Record<string, any>, context: WriteContext, defs: CustomFieldDef[] | null,
): WriteEvent {
  if (t.versioned) data.version = 1;
  const after = project(strapi, uid, null, { ...defaultsOf(strapi, uid), ...data });
  if (t.custom && defs) data.custom = after.custom = checkCustomValues(defs, null, after.custom, true);
  return { strapi, uid, op: 'create', before: null, after, data, context };
}

export function installWriteRules(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const op = ctx.action as WriteOp;
    const uid = ctx.uid as string;
    const t = traits.get(uid);
    if (!['create', 'update', 'delete'].includes(op) || !t) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const context = currentWrite();
      const documentId = ctx.params?.documentId;
      let before: Row | null = null;
      if (op !== 'create') {
        await lockRow(strapi, uid, { documentId });
        before = await readRow(strapi, uid, { documentId });
        if (!before) return next();
      }
      const data: Record<string, any> = op === 'delete' ? {} : (ctx.params.data ??= {});
      if (t.versioned && op === 'update') {
        // The version a service read, else the one a form sent back (Strapi's Content Manager does).
        const expected = context.expect?.get(`${uid}:${documentId}`) ?? (Number.isSafeInteger(data.version) ? data.version : undefined);
        const current = before!.version ?? 0;
        if (expected !== undefined && expected !== current) {
          throw conflict('version: someone else changed this record meanwhile; reload it and try again', {
            field: 'version', code: 'version_conflict', version: current, yours: expected,
          });
        }
        data.version = current + 1;
      }
      let event: WriteEvent;
      if (op === 'create') event = createEvent(strapi, uid, t, data, context, t.custom ? await customDefs(strapi, t.custom) : null);
      else {
        const after = op === 'delete' ? null : project(strapi, uid, before, data);
        if (t.custom && after && 'custom' in data) {
          // removing a deleted field's values must not stop on another field that became required since
          data.custom = after.custom = checkCustomValues(await customDefs(strapi, t.custom), before?.custom ?? null, after.custom, context.intent !== PURGE_INTENT);
        }
        event = { strapi, uid, op, before, after, data, context };
      }
      await t.rule?.check?.(event);
      const result = await guarded(trx, t.rule, event, next);
      const saved = op === 'delete' ? null : await readRow(strapi, uid, { documentId: result?.documentId ?? documentId });
      const id = saved?.id ?? before?.id;
      if (id) await syncSearchTokens(trx, uid, [id], before, saved);
      await t.rule?.afterWrite?.(event, saved);
      if (t.audit) await recordAudit(strapi, t.audit, op, before, saved, context);
      if (t.events) await emitEvents(eventsOf(t.events, op, before, saved));
      return result;
    });
  });
}
