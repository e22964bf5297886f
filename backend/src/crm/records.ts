// Reads and writes CRM records for the simple-rest adapter and for services. Every query is
// ANDed with the caller's visibility scope; writes are checked against the same scope and
// carry the version the caller read (a stale one is a 409, see rules.ts).
import type { Core } from '@strapi/strapi';
import { badRequest, CrmError, forbidden, notFound } from './errors';
import { coerce, describeFields, idOf, isRecordId, type Field } from './fields';
import { MAX_PAGE, parseListQuery, readFilter } from './list-query';
import { assertCan, grantsOf, scopeFilter, type Action, type Actor, type RoleTable } from './access';
import { TIMESTAMPS, type ResourceDef } from './resource';
import { lockRow } from './rules';
import { customCondition, customDefs, customSortedIds } from './custom-fields';
import { currentWrite, withWrite, WriteBatch } from './write-context';
import { createMany } from './bulk-write';
import { withSemiJoins } from './semi-join';
import { indexedSearchAttributes, searchIndex } from './search-index';
import { tokenList } from './search-tokens';
import { exactTotal } from './row-counts';
import { rowReader } from './row-read';

export type ApiRecord = Record<string, unknown> & { id: number };
type Row = Record<string, any> & { id: number; documentId: string };

const IGNORED_ON_WRITE = new Set(['id', 'documentId', 'actions']);
const READ = new Set(['list', 'show']);

/** The record service of a content type, to check links against the caller's visibility. */
export type ServiceOf = (uid: string) => RecordService | undefined;

export function recordService(strapi: Core.Strapi, def: ResourceDef, roles: () => RoleTable, serviceOf: ServiceOf = () => undefined) {
  let cached: Field[] | undefined;
  const fields = () =>
    (cached ??= [
      ...describeFields(strapi.contentType(def.uid as any).attributes as any, {
        rename: def.rename,
        viaAction: def.viaAction,
        readOnly: ['version', ...(def.readOnly ?? [])],
      }),
      ...TIMESTAMPS,
    ].filter((f) => !def.expose || def.expose.includes(f.api)));
  const docs = () => strapi.documents(def.uid as any);
  const versioned = () => !!def.versioned;
  const relations = () => fields().filter((f) => f.kind === 'relation');
  // reads go through the query engine, relation ids from the link tables (crm/row-read.ts)
  const reader = rowReader(strapi, def.uid, () => relations().map((f) => ({ attr: f.attr, many: !!f.many, fields: def.populateFields?.[f.attr] })));

  const ownScope = (d: ResourceDef, actor: Actor, action: Action) =>
    scopeFilter(roles(), actor, d.name, { owner: d.owner, creator: d.creator, pool: d.pool, department: d.department, ownerVia: d.ownerVia }, action);
  /**
   * The caller's visibility filter. Scope `record` on a resource with `visibleWith`: a record is
   * visible exactly when its related record is (the related resource's own scope, through the
   * relation), and not at all for a role that may not read the related resource.
   */
  const scopeOf = (actor: Actor, action: Action): Record<string, unknown> | null => {
    if (!def.visibleWith || grantsOf(roles(), actor.role, def.name).scope !== 'record') return ownScope(def, actor, action);
    const target = (strapi.contentType(def.uid as any).attributes as any)[def.visibleWith]?.target;
    const related = target ? serviceOf(target)?.def : undefined;
    if (!related || !grantsOf(roles(), actor.role, related.name).actions.includes('show')) return { id: { $eq: -1 } };
    const inner = ownScope(related, actor, 'show');
    return { [def.visibleWith]: inner ? withSemiJoins(strapi, related.uid, inner) : { id: { $notNull: true } } };
  };

  /** Filters for `action` by `actor`: refuses the action outright, or limits it to visible records. */
  const scoped = (actor: Actor, action: Action, extra: Record<string, unknown>, visibleAs: Action = action, trusted = false) => {
    assertCan(roles(), actor, def.name, action);
    const scope = trusted ? null : scopeOf(actor, visibleAs);
    const parts = [scope, extra].filter((x) => x && Object.keys(x).length);
    // every relation condition (the scope's owner, a list's owner filter) as a semi-join
    return withSemiJoins(strapi, def.uid, parts.length ? { $and: parts } : {});
  };

  function toApi(row: any, actor?: Actor): ApiRecord {
    const out: ApiRecord = { id: row.id };
    for (const f of fields()) {
      const v = row[f.attr];
      if (f.kind === 'relation') out[f.api] = f.many ? (v ?? []).map((r: any) => r.id) : v?.id ?? null;
      else out[f.api] = v === undefined ? null : v;
    }
    const rec = def.present ? (def.present(out, row, actor) as ApiRecord) : out;
    if (def.allowedActions && actor) {
      const granted = grantsOf(roles(), actor.role, def.name).actions;
      rec.actions = def.allowedActions(rec, actor).filter((a) => granted.includes(a));
    }
    return rec;
  }

  async function findRow(actor: Actor, id: unknown, action: Action, visibleAs: Action = action, trusted = false): Promise<Row> {
    const n = idOf(id);
    if (!isRecordId(n)) throw badRequest('id: must be a record id', { field: 'id', code: 'invalid_id' });
    const row = await reader.one(scoped(actor, action, { id: { $eq: n } }, visibleAs, trusted));
    if (!row) throw notFound(`${def.name} ${n} not found`, { resource: def.name, id: n, code: 'not_found' });
    return row as any;
  }

  /** Turns an API body into content-type data; refuses unknown fields and action-only changes. */
  function toData(body: unknown, current?: ApiRecord): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest('body: must be a JSON object', { field: 'body', code: 'invalid_body' });
    }
    const data: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      if (IGNORED_ON_WRITE.has(key)) continue;
      const f = fields().find((x) => x.api === key);
      if (!f) {
        if (current && key in current) continue; // derived fields (overdue…) come back from react-admin
        throw badRequest(`${key}: unknown field`, { field: key, code: 'unknown_field' });
      }
      if (f.readOnly) continue; // react-admin sends the whole record back on update
      const value = coerce(f, raw);
      if (f.viaAction) {
        const before = current ? current[f.api] : undefined;
        if (current ? JSON.stringify(value) !== JSON.stringify(before) : value !== null) {
          throw forbidden(`${key}: cannot be set here; use the ${def.name} actions`, { field: key, code: 'via_action_only' });
        }
        continue;
      }
      data[f.attr] = f.kind === 'relation' ? relationData(value) : value;
    }
    return data;
  }

  /**
   * A record may only point at records the writer can see: a follow-up on a colleague's customer
   * would write to that customer, an opportunity on it would reveal it. Links already there stay.
   */
  async function assertLinksVisible(actor: Actor, body: unknown, current?: ApiRecord) {
    for (const f of relations()) {
      const raw = (body as Record<string, unknown>)[f.api];
      if (raw === undefined || raw === null || f.readOnly || f.viaAction) continue;
      const target = serviceOf(f.target ?? '');
      if (!target) continue;
      const had = new Set(([] as unknown[]).concat(current?.[f.api] ?? []));
      for (const id of ([] as unknown[]).concat(raw).filter((x) => !had.has(x))) {
        try {
          await target.get(actor, id);
        } catch (e: any) {
          if (e?.status !== 404 && e?.status !== 403) throw e;
          throw badRequest(`${f.api}: no ${target.def.name} record ${id} that you can see`, { field: f.api, code: 'link_not_visible', id });
        }
      }
    }
  }

  /** The content-type data of a new record: fields checked, links visible, required present, owner and creator. */
  async function createData(actor: Actor, body: unknown, extra: Record<string, unknown>) {
    const data: Record<string, any> = { ...def.initial?.(actor), ...toData(body), ...extra };
    await assertLinksVisible(actor, body);
    for (const f of fields()) {
      if (f.required && !f.hasDefault && !f.viaAction && !f.readOnly && data[f.attr] == null) {
        throw badRequest(`${f.api}: is required`, { field: f.api, code: 'required' });
      }
    }
    if (def.owner && data[def.owner] === undefined) data[def.owner] = relationData(actor.id);
    if (def.creator) data[def.creator] = relationData(actor.id);
    return data;
  }

  /**
   * Writes `data` to a row the caller read, as `intent`, failing with 409 if it changed since.
   * Who writes comes from the request's write context (crm/http.ts#handle).
   */
  function write(row: Row, data: Record<string, unknown>, intent?: string, version = row.version) {
    const expect = versioned() ? new Map([[`${def.uid}:${row.documentId}`, version ?? 0]]) : undefined;
    return withWrite({ intent, expect }, () => docs().update({ documentId: row.documentId, data } as any));
  }

  /**
   * A list that is only a one-word `q` (and the caller's scope) sorted by creation time, from the
   * token table (crm/search-tokens.ts): the page's ids and the exact total by index, then those
   * records. Undefined when the list is anything else.
   */
  async function tokenPage(
    actor: Actor, q: ReturnType<typeof parseListQuery>, filter: Record<string, unknown>, custom: { type: string }[],
    extra: Record<string, unknown>, trusted: boolean, withTotal: boolean,
  ) {
    const keys = Object.keys(filter);
    const word = typeof filter.q === 'string' ? filter.q.trim() : '';
    const [first, second] = q.sort as Record<string, unknown>[];
    const dir = first?.createdAt;
    if (keys.length !== 1 || keys[0] !== 'q' || !word || /\s/.test(word) || q.idsOnly || q.customSort || trusted || Object.keys(extra).length) return undefined;
    // text custom fields join `q` (list-query.ts): the token table does not hold them
    if (custom.some((d) => d.type === 'text') || (dir !== 'asc' && dir !== 'desc') || q.sort.length !== 2 || second?.id !== dir) return undefined;
    const got = await tokenList(strapi, def.uid, { word, dir, start: q.start, limit: q.limit, scope: scopeOf(actor, 'list') }, withTotal);
    if (!got) return undefined;
    const rows = await reader.byIds(got.ids);
    return { rows: rows.map((r) => toApi(r, actor)), start: q.start, total: got.total };
  }

  return {
    def,
    fields,
    toApi,

    /** `trusted`: the caller's visibility was established otherwise (audit events of a visible record). */
    async list(actor: Actor, query: Record<string, unknown>, extra: Record<string, unknown> = {}, trusted = false, withTotal = true) {
      const raw = readFilter(query.filter);
      const filter = def.translateFilter ? await def.translateFilter(raw) : raw;
      const custom = def.custom ? (await customDefs(strapi, def.custom)).filter((d) => d.active !== false) : [];
      const q = parseListQuery(query, {
        fields: fields(), search: def.search, defaultSort: def.defaultSort, custom, customCondition: customCondition(strapi, def.uid),
        searchIndex: searchIndex(strapi, def.uid, indexedSearchAttributes(def)),
      }, filter);
      // getMany (`filter={"id":[…]}` alone) is a batch of single reads: it needs `show`, not `list`.
      const where = [q.filters, extra].filter((x) => Object.keys(x).length);
      const action = q.idsOnly ? 'show' : 'list';
      const filters = scoped(actor, action, where.length ? { $and: where } : {}, action, trusted);
      const tokens = await tokenPage(actor, q, filter, custom, extra, trusted, withTotal);
      if (tokens) return tokens;
      const page = q.customSort
        // the Document Service cannot order by a value inside JSON: take the page's ids in SQL
        ? customSortedIds(strapi, def.uid, filters, q.customSort, q.start, q.limit).then((ids) => reader.byIds(ids))
        : reader.many({ where: filters, orderBy: q.sort, offset: q.start, limit: q.limit });
      const total = withTotal ? exactTotal(strapi, def, filters, () => reader.count(filters)) : -1;
      const [rows, n] = await Promise.all([page, total]);
      return { rows: (rows as any[]).map((r) => toApi(r, actor)), start: q.start, total: n };
    },

    /**
     * Every record of the list `query` asks for (its filter and sort), page by page through the
     * list path above, so an export holds one page at a time and sees exactly what the list shows.
     */
    async *pages(actor: Actor, query: Record<string, unknown>, size = MAX_PAGE) {
      for (let start = 0; ; start += size) {
        const { rows } = await this.list(actor, { ...query, range: JSON.stringify([start, start + size - 1]) }, {}, false, false);
        if (rows.length) yield rows;
        if (rows.length < size) return;
      }
    },

    /**
     * The ids of the records `actor` may `action` (scope included) that match `extra`, as a SQL
     * subquery: reports group over it and exports page through it, so they count exactly what
     * the lists show. `extra` is a Document Service filter (attribute names).
     */
    idQuery(actor: Actor, action: Action, extra: Record<string, unknown> = {}) {
      const filters = scoped(actor, action, extra);
      return (strapi.db as any).queryBuilder(def.uid).init({ where: filters, select: ['id'] }).getKnexQuery();
    },

    async get(actor: Actor, id: unknown, action: Action = 'show', trusted = false) {
      return toApi(await findRow(actor, id, action, action, trusted), actor);
    },

    /**
     * The row behind a record, for services: `action` must be granted, visibility as `visibleAs`.
     * `lock`: lock the row first (inside the caller's transaction), so the state read is the one
     * the write will be checked against; concurrent actions queue, and the losers see the new state.
     */
    async load(actor: Actor, id: unknown, action: Action, visibleAs: Action = READ.has(action) ? action : 'edit', lock = false) {
      if (lock) {
        const n = idOf(id);
        if (isRecordId(n)) await lockRow(strapi, def.uid, { id: n });
      }
      const row = await findRow(actor, id, action, visibleAs);
      return { row, rec: toApi(row, actor) };
    },

    write,

    /**
     * A named action, in one transaction: locks the record, reads it as `action` (refused or 404
     * per the caller's scope), lets `decide` compute the change from it (a pure transition, which
     * may refuse), writes it with the version read (or the one the client sent) and answers the
     * record as it is now.
     */
    act(
      actor: Actor, id: unknown, action: Action,
      decide: (rec: ApiRecord, row: Row) => Record<string, unknown> | Promise<Record<string, unknown>>,
      version?: number,
    ) {
      return strapi.db.transaction(async () => {
        const { row, rec } = await this.load(actor, id, action, undefined, true);
        await write(row, await decide(rec, row), action, version ?? row.version);
        return this.get(actor, rec.id);
      });
    },

    async create(actor: Actor, body: unknown, extra: Record<string, unknown> = {}, intent?: string) {
      assertCan(roles(), actor, def.name, 'create');
      const data = await createData(actor, body, extra);
      const doc: any = await withWrite({ intent }, () => docs().create({ data } as any));
      return this.get(actor, doc.id);
    },

    /**
     * Many creates at once (an import), each as create() above would write it, through the bulk
     * write rules (crm/bulk-write.ts) in the caller's transaction. Answers each item's refusal
     * (null: written); a fault throws.
     */
    async createMany(actor: Actor, items: { body: unknown; extra?: Record<string, unknown> }[], intent?: string) {
      assertCan(roles(), actor, def.name, 'create');
      const errors: (CrmError | null)[] = items.map(() => null);
      const datas: Record<string, any>[] = [];
      const at: number[] = [];
      for (const [i, item] of items.entries()) {
        try {
          datas.push(await createData(actor, item.body, item.extra ?? {}));
          at.push(i);
        } catch (e) {
          if (!(e instanceof CrmError) || e.status >= 500) throw e;
          errors[i] = e;
        }
      }
      const refused = await withWrite({ intent, batch: currentWrite().batch ?? new WriteBatch() }, () => createMany(strapi, def.uid, datas));
      refused.forEach((e, j) => { if (e) errors[at[j]] = e; });
      return errors;
    },

    async update(actor: Actor, id: unknown, body: unknown) {
      const row = await findRow(actor, id, 'edit');
      const current = toApi(row, actor);
      const data = toData(body, current);
      await assertLinksVisible(actor, body, current);
      if (versioned()) {
        const v = (body as Record<string, unknown>).version;
        if (!Number.isSafeInteger(v)) {
          throw badRequest('version: is required; send the version you read', { field: 'version', code: 'version_required' });
        }
        if (Object.keys(data).length) await write(row, data, undefined, v as number);
      } else if (Object.keys(data).length) await write(row, data);
      return this.get(actor, row.id);
    },

    async remove(actor: Actor, id: unknown) {
      const row = await findRow(actor, id, 'delete');
      await docs().delete({ documentId: row.documentId } as any);
      return toApi(row, actor);
    },
  };
}

export type RecordService = ReturnType<typeof recordService>;

export function relationData(value: unknown) {
  if (value === null) return { set: [] };
  const ids = Array.isArray(value) ? value : [value];
  return { set: ids.map((id) => ({ id })) };
}

