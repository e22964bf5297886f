// Many creates of one content type through the same rules as one typed-in record (rules.ts), for
// imports: each record becomes the same WriteEvent the middleware builds (version, defaults,
// custom fields checked), the content type's rule checks it (its lookups loaded once for all the
// records by the rule's `prefetch`), the rows go in as multi-row inserts with their link tables,
// then each record's afterWrite and audit event, the events written together at the end.
// Runs inside the caller's transaction: a refused record is reported and not written, and the
// caller decides whether to keep the rest (an import keeps nothing if anything was refused).
import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import { CrmError } from './errors';
import { recordAudit, AUDIT_UID } from './audit';
import { customDefs } from './custom-fields';
import { emitEvents, eventsOf, type CrmEvent } from './events';
import { createEvent, relationAttrs, traitsOf, UNIQUE_VIOLATION, type Row, type WriteEvent, type WriteRule } from './rules';
import { currentWrite } from './write-context';
import { addSearchTokens } from './search-tokens';
import { relationCopies } from './relation-copy';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A document id shaped like Strapi's (24 characters, [a-z][a-z0-9]{23}, 119 random bits), made
 * from one random buffer per chunk: Strapi's own (cuid2, a SHA-3 per id) was a third of an import's CPU.
 */
function documentIds(n: number): string[] {
  const bytes = crypto.randomBytes(n * 24);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let id = ALPHABET[bytes[i * 24] % 26];
    for (let j = 1; j < 24; j++) id += ALPHABET[bytes[i * 24 + j] % 36];
    out.push(id);
  }
  return out;
}

/** A refusal to report for its record; anything else is a fault and aborts the whole write. */
const isRefusal = (e: unknown): e is CrmError => e instanceof CrmError && e.status < 500;

let savepoints = 0;

/** `fn` inside a savepoint: a failed statement leaves the transaction usable (PostgreSQL aborts it otherwise). */
async function savepoint<T>(trx: any, fn: () => Promise<T>): Promise<T> {
  const name = `crm_bulk_${++savepoints}`;
  await trx.raw(`SAVEPOINT ${name}`);
  try {
    const out = await fn();
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    return out;
  } catch (e) {
    await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    throw e;
  }
}

/** Inserts the rows of `events` (scalars, then one multi-row insert per link table); answers the saved rows. */
async function insertRows(strapi: Core.Strapi, trx: any, uid: string, events: WriteEvent[]): Promise<Row[]> {
  const meta: any = strapi.db.metadata.get(uid as any);
  const rels = relationAttrs(strapi, uid);
  const relNames = new Set(rels.map(([k]) => k));
  const copies = relationCopies(strapi, uid);
  const now = new Date();
  const ids = documentIds(events.length);
  // the columns a row may fill, listed once for the chunk (Object.entries and a spread per row were a tenth of the import's JS)
  const scalars = Object.keys(meta.attributes).filter((k) => !relNames.has(k));
  const rows = events.map((e, i) => {
    const after = e.after!;
    const row: Record<string, any> = {};
    // (a default that is a function, such as publishedAt's, is Strapi's to call: set below)
    for (const k of scalars) {
      const v = after[k];
      if (v !== undefined && typeof v !== 'function') row[k] = v;
    }
    // the copy its link's trigger would set (crm/relation-copy.ts), with the row: one write, not two
    for (const c of copies) row[c.attr] = after[c.relation] ?? null;
    // no draft and publish on CRM records: a document is published when created, as the Document Service does
    row.documentId = ids[i];
    row.createdAt = row.updatedAt = row.publishedAt = now;
    return row;
  });
  // Strapi's own insert (types and defaults per dialect, chunked to the dialect's size)
  await strapi.db.query(uid as any).createMany({ data: rows });
  const docIds = rows.map((r) => r.documentId);
  const idOf = new Map<string, number>();
  for (let i = 0; i < docIds.length; i += 1000) {
    const got: any[] = await strapi.db.connection(meta.tableName).select('id', 'document_id')
      .whereIn('document_id', docIds.slice(i, i + 1000)).transacting(trx);
    for (const g of got) idOf.set(g.document_id, Number(g.id));
  }
  const saved = events.map((e, i) => ({ ...e.after, ...rows[i], id: idOf.get(rows[i].documentId)! }) as Row);
  for (const [attr, many] of rels) {
    const jt = meta.attributes[attr].joinTable;
    const links: Record<string, unknown>[] = [];
    for (const row of saved) {
      const targets = ([] as (number | null)[]).concat(row[attr] ?? []).filter((t): t is number => t !== null);
      targets.forEach((target, pos) => links.push({
        [jt.joinColumn.name]: row.id,
        [jt.inverseJoinColumn.name]: target,
        ...(jt.orderColumnName ? { [jt.orderColumnName]: many ? pos + 1 : 1 } : {}),
        // the position among the target's records: last, as Strapi appends; null sorts there too
        ...(jt.inverseOrderColumnName ? { [jt.inverseOrderColumnName]: null } : {}),
      }));
    }
    for (let i = 0; i < links.length; i += 500) {
      await strapi.db.connection(jt.name).insert(links.slice(i, i + 500)).transacting(trx);
    }
  }
  return saved;
}

/**
 * Inserts `events`; a unique-index violation (two rows of the file with one mobile) sends the
 * chunk through one row at a time, each refused through the rule's onUnique, as a typed-in record.
 */
async function insertChecked(
  strapi: Core.Strapi, trx: any, uid: string, rule: WriteRule | undefined, events: WriteEvent[], refuse: (e: WriteEvent, err: CrmError) => void,
): Promise<[WriteEvent, Row][]> {
  try {
    const rows = await savepoint(trx, () => insertRows(strapi, trx, uid, events));
    return events.map((e, i) => [e, rows[i]]);
  } catch (e) {
    if (!UNIQUE_VIOLATION(e) || !rule?.onUnique) throw e;
  }
  const saved: [WriteEvent, Row][] = [];
  for (const ev of events) {
    try {
      const [row] = await savepoint(trx, () => insertRows(strapi, trx, uid, [ev]));
      saved.push([ev, row]);
    } catch (e) {
      if (!UNIQUE_VIOLATION(e)) throw e;
      const err = await rule.onUnique(ev);
      if (!isRefusal(err)) throw err;
      refuse(ev, err);
    }
  }
  return saved;
}

/**
 * Creates `items` (content-type data, relations in write syntax) of `uid`, in the caller's
 * transaction and write context (which must carry a `batch`). Answers each item's refusal, or
 * null when it was written.
 */
export async function createMany(strapi: Core.Strapi, uid: string, items: Record<string, any>[]): Promise<(CrmError | null)[]> {
  const t = traitsOf(uid);
  const context = currentWrite();
  const batch = context.batch;
  if (!t || !batch) throw new Error(`createMany(${uid}): needs registered write rules and a batch write context`);
  const errors: (CrmError | null)[] = items.map(() => null);
  const defs = t.custom ? await customDefs(strapi, t.custom) : null;
  return strapi.db.transaction(async ({ trx }) => {
    const at = new Map<WriteEvent, number>();
    const events: WriteEvent[] = [];
    for (const [i, data] of items.entries()) {
      try {
        const e = createEvent(strapi, uid, t, data, context, defs);
        at.set(e, i);
        events.push(e);
      } catch (e) {
        if (!isRefusal(e)) throw e;
        errors[i] = e;
      }
    }
    await t.rule?.prefetch?.(events);
    const checked: WriteEvent[] = [];
    for (const e of events) {
      try {
        await t.rule?.check?.(e);
        checked.push(e);
      } catch (err) {
        if (!isRefusal(err)) throw err;
        errors[at.get(e)!] = err;
      }
    }
    if (!checked.length) return errors;
    const pairs = await insertChecked(strapi, trx, uid, t.rule, checked, (e, err) => { errors[at.get(e)!] = err; });
    // the new records' search tokens, in one statement per chunk
    const ids = pairs.map(([, saved]) => saved.id);
    for (let i = 0; i < ids.length; i += 5000) await addSearchTokens(trx, uid, ids.slice(i, i + 5000));
    const raised: CrmEvent[] = [];
    for (const [e, saved] of pairs) {
      await t.rule?.afterWrite?.(e, saved);
      if (t.audit) await recordAudit(strapi, t.audit, 'create', null, saved, context);
      if (t.events) raised.push(...eventsOf(t.events, 'create', null, saved));
    }
    // imported leads raise lead.created like typed-in ones (webhook deliveries, same
    // transaction), handed over together: the listeners look up once per chunk, not per record
    await emitEvents(raised);
    // the trail of these records (and the notices they raised), through the audit events' own rules
    if (uid !== AUDIT_UID && batch.audit.length) {
      const audit = batch.audit.splice(0);
      const refused = (await createMany(strapi, AUDIT_UID, audit)).find(Boolean);
      if (refused) throw refused;
    }
    return errors;
  });
}
