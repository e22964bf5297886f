// The benchmark's list pages, each described once and turned into the three requests compared:
// ours (`GET /api/crm/<resource>` as the caller), stock Strapi (the Document Service with the
// filters Strapi users would write) and hand-written SQL (the physical limit). Pure.

export type Caller = 'admin' | 'manager' | 'consultant';
export const CALLERS: Caller[] = ['admin', 'manager', 'consultant'];

export interface Column { api: string; column: string }
export interface ResourceSpec {
  name: 'leads' | 'customers' | 'opportunities' | 'interactions';
  uid: string;
  table: string;
  /** the link table's foreign key to the record, e.g. lead_id */
  fk: string;
  sort: { api: string; column: string; attr: string };
  status: { api: string; attr: string; column: string; value: string };
  two: { api: string; attr: string; column: string; value: string }[];
  search: { attr: string; column: string }[];
  q2: string;
  q3: string;
  rare?: string;
  pool?: { attr: string; column: string };
  /** relations answered with the record (their ids) */
  relations: { attr: string; table: string; column: string }[];
}

const rel = (table: string, fk: string, names: [string, string][]) =>
  names.map(([attr, column]) => ({ attr, table: `${table}_${snake(attr)}_lnk`, column, fk }));
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const RESOURCES: ResourceSpec[] = [
  {
    name: 'leads', uid: 'api::lead.lead', table: 'leads', fk: 'lead_id',
    sort: { api: 'createdAt', column: 'created_at', attr: 'createdAt' },
    status: { api: 'status', attr: 'leadStatus', column: 'lead_status', value: 'active' },
    two: [{ api: 'level', attr: 'level', column: 'level', value: 'A' }, { api: 'source', attr: 'source', column: 'source', value: '网络' }],
    search: [['subject', 'subject'], ['targetCustomer', 'target_customer'], ['targetContact', 'target_contact'], ['mobile', 'mobile'], ['email', 'email']].map(([attr, column]) => ({ attr, column })),
    q2: '别墅', q3: '学区房', rare: '翡翠',
    relations: rel('leads', 'lead_id', [['owner', 'user_id'], ['creator', 'user_id'], ['customer', 'customer_id'], ['opportunity', 'opportunity_id']]),
  },
  {
    name: 'customers', uid: 'api::customer.customer', table: 'customers', fk: 'customer_id',
    sort: { api: 'createdAt', column: 'created_at', attr: 'createdAt' },
    status: { api: 'type', attr: 'type', column: 'type', value: 'potential' },
    two: [{ api: 'level', attr: 'level', column: 'level', value: 'A' }, { api: 'source', attr: 'source', column: 'source', value: '网络' }],
    search: [['name', 'name'], ['mobile', 'mobile'], ['email', 'email'], ['wechat', 'wechat'], ['company', 'company']].map(([attr, column]) => ({ attr, column })),
    q2: '万科', q3: '王子轩',
    pool: { attr: 'inPool', column: 'in_pool' },
    relations: rel('customers', 'customer_id', [['owner', 'user_id'], ['creator', 'user_id']]),
  },
  {
    name: 'opportunities', uid: 'api::opportunity.opportunity', table: 'opportunities', fk: 'opportunity_id',
    sort: { api: 'createdAt', column: 'created_at', attr: 'createdAt' },
    status: { api: 'status', attr: 'opportunityStatus', column: 'opportunity_status', value: 'open' },
    two: [{ api: 'level', attr: 'level', column: 'level', value: 'A' }, { api: 'product', attr: 'product', column: 'product', value: '别墅' }],
    search: [['name', 'name'], ['product', 'product'], ['competitor', 'competitor']].map(([attr, column]) => ({ attr, column })),
    q2: '别墅', q3: '学区房',
    relations: [
      ...rel('opportunities', 'opportunity_id', [['owner', 'user_id'], ['creator', 'user_id'], ['customer', 'customer_id'], ['stage', 'stage_id'], ['lead', 'lead_id']]),
    ],
  },
  {
    name: 'interactions', uid: 'api::interaction.interaction', table: 'interactions', fk: 'interaction_id',
    sort: { api: 'start', column: 'start', attr: 'start' },
    status: { api: 'state', attr: 'state', column: 'state', value: 'done' },
    two: [{ api: 'kind', attr: 'kind', column: 'kind', value: 'phone' }, { api: 'priority', attr: 'priority', column: 'priority', value: 'high' }],
    search: [['subject', 'subject'], ['content', 'content'], ['place', 'place'], ['attendee', 'attendee']].map(([attr, column]) => ({ attr, column })),
    q2: '别墅', q3: '售楼处',
    relations: rel('interactions', 'interaction_id', [['owner', 'user_id'], ['creator', 'user_id'], ['lead', 'lead_id'], ['customer', 'customer_id'], ['opportunity', 'opportunity_id']]),
  },
];

export type FilterKind = 'none' | 'status' | 'two' | 'custom' | 'q2' | 'q3' | 'rare';
export const FILTERS: FilterKind[] = ['none', 'status', 'two', 'custom', 'q2', 'q3', 'rare'];

export interface BenchCase { resource: ResourceSpec; caller: Caller; filter: FilterKind }

export function cases(resources: ResourceSpec[], callers: Caller[], filters: FilterKind[]): BenchCase[] {
  return resources.flatMap((resource) => callers.flatMap((caller) =>
    filters.filter((f) => f !== 'rare' || resource.rare).map((filter) => ({ resource, caller, filter }))));
}

export const label = (c: BenchCase) => {
  const r = c.resource;
  const f = c.filter === 'none' ? 'none' : c.filter === 'status' ? `${r.status.api}=${r.status.value}`
    : c.filter === 'two' ? r.two.map((t) => `${t.api}=${t.value}`).join(' + ')
      : c.filter === 'custom' ? 'custom.grade=A' : `q ${c.filter === 'q2' ? r.q2 : c.filter === 'q3' ? r.q3 : r.rare} (${c.filter === 'q3' ? 3 : 2} chars${c.filter === 'rare' ? ', rare' : ''})`;
  return `${r.name} · ${c.caller} · ${f}`;
};

const word = (c: BenchCase) => (c.filter === 'q2' ? c.resource.q2 : c.filter === 'q3' ? c.resource.q3 : c.resource.rare!);

/** The react-admin filter our API takes. */
export function apiFilter(c: BenchCase): Record<string, unknown> {
  const r = c.resource;
  switch (c.filter) {
    case 'none': return {};
    case 'status': return { [r.status.api]: r.status.value };
    case 'two': return Object.fromEntries(r.two.map((t) => [t.api, t.value]));
    case 'custom': return { 'custom.grade': 'A' };
    default: return { q: word(c) };
  }
}

export function ourPath(c: BenchCase) {
  const q = new URLSearchParams({ sort: JSON.stringify([c.resource.sort.api, 'DESC']), range: JSON.stringify([0, 24]), filter: JSON.stringify(apiFilter(c)) });
  return `/api/crm/${c.resource.name}?${q}`;
}

export const refPath = (kind: 'stock' | 'sql', c: BenchCase) => `/${kind}/${c.resource.name}/${c.caller}/${c.filter}`;

/** Visibility of the caller: null (all), or the staff ids whose records they see. */
export type Visible = { all: true } | { all: false; ids: number[]; pool: boolean };

/** Document Service filters, as a Strapi developer writes them (null: Strapi cannot express it). */
export function stockFilters(c: BenchCase, vis: Visible): Record<string, unknown> | null {
  const r = c.resource;
  const parts: Record<string, unknown>[] = [];
  if (!vis.all) {
    const own = { owner: { id: { $in: vis.ids } } };
    parts.push(r.pool && vis.pool ? { $or: [own, { [r.pool.attr]: { $eq: true } }] } : own);
  }
  if (c.filter === 'status') parts.push({ [r.status.attr]: { $eq: r.status.value } });
  if (c.filter === 'two') for (const t of r.two) parts.push({ [t.attr]: { $eq: t.value } });
  if (c.filter === 'custom') return null; // the query engine cannot filter inside JSON
  if (c.filter.startsWith('q') || c.filter === 'rare') parts.push({ $or: r.search.map((s) => ({ [s.attr]: { $containsi: word(c) } })) });
  return parts.length ? { $and: parts } : {};
}

/**
 * The same page and exact total in SQL with the best shape we know: scope as a semi-join on the
 * owner link table, sort on the indexed column, `q` on the bigram token index where there is one.
 * `opts.tokens`: the tables with a search token table (`<table>_search_tokens`, made by the
 * server): a one-word `q` of 2–3 characters sorted by creation time is then one range of its
 * (token, sort_at, record_id) index, page and count index-only, the owner a filter on it.
 */
export function bestSql(c: BenchCase, vis: Visible, opts: { tokens: false | Set<string>; ownerCopy?: boolean }): { page: string; count: string; params: unknown[] } {
  const r = c.resource;
  const isQ = c.filter.startsWith('q') || c.filter === 'rare';
  if (isQ && opts.tokens && opts.tokens.has(r.table) && r.sort.column === 'created_at' && [...word(c)].length <= 3) {
    const params: unknown[] = [word(c).toLowerCase()];
    let where = 'k.token = $1';
    if (!vis.all) {
      params.push(vis.ids);
      where += ` AND (k.owner_id = ANY($2::int[])${r.pool && vis.pool ? ' OR k.pooled' : ''})`;
    }
    const rels = r.relations.map((x, i) => `(SELECT l${i}.${x.column} FROM ${x.table} l${i} WHERE l${i}.${r.fk} = t.id LIMIT 1) AS "${x.attr}"`);
    return {
      page: `SELECT t.*, ${rels.join(', ')} FROM (SELECT k.record_id FROM ${r.table}_search_tokens k WHERE ${where} ORDER BY k.sort_at DESC, k.record_id DESC LIMIT 25) p
        JOIN ${r.table} t ON t.id = p.record_id ORDER BY t.created_at DESC, t.id DESC`,
      count: `SELECT count(*)::int AS n FROM ${r.table}_search_tokens k WHERE ${where}`,
      params,
    };
  }
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (!vis.all) {
    // the owner's copy in the row (crm/relation-copy.ts) where asked, else the link table itself
    const own = opts.ownerCopy
      ? `t.owner_key = ANY(${p(vis.ids)}::int[])`
      : `t.id IN (SELECT o.${r.fk} FROM ${r.table}_owner_lnk o WHERE o.user_id = ANY(${p(vis.ids)}::int[]))`;
    where.push(r.pool && vis.pool ? `(${own} OR t.${r.pool.column})` : own);
  }
  if (c.filter === 'status') where.push(`t.${r.status.column} = ${p(r.status.value)}`);
  if (c.filter === 'two') for (const t of r.two) where.push(`t.${t.column} = ${p(t.value)}`);
  if (c.filter === 'custom') where.push(`(t.custom->>'grade') = ${p('A')}`);
  if (c.filter.startsWith('q') || c.filter === 'rare') {
    const w = word(c);
    const like = `(${r.search.map((s) => `t.${s.column} ILIKE ${p(`%${w}%`)}`).join(' OR ')})`;
    where.push(like);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rels = r.relations.map((x, i) => `(SELECT l${i}.${x.column} FROM ${x.table} l${i} WHERE l${i}.${r.fk} = t.id LIMIT 1) AS "${x.attr}"`);
  return {
    // the page first, then its relations (25 look-ups, not one per visible row)
    page: `SELECT t.*, ${rels.join(', ')} FROM (SELECT t.* FROM ${r.table} t ${w} ORDER BY t.${r.sort.column} DESC, t.id DESC LIMIT 25) t ORDER BY t.${r.sort.column} DESC, t.id DESC`,
    count: `SELECT count(*)::int AS n FROM ${r.table} t ${w}`,
    params,
  };
}
