// The leak suite: every role × every resource it may read, on every read path, generated from
// the resources an admin's /api/crm/me lists and the grants in config/roles.json. A "leak" is a
// record (or a count) that reaches someone whose role's scope does not cover it:
//   list, single read of each foreign id, getMany with foreign ids, `q` with a foreign record's
//   token, a filter on every field the API exposes with a foreign record's value (and the
//   Content-Range total as a count oracle), sort on every field both ways; then Strapi's stock
//   routes (`/api/<plural>`, `/api/users…`, uploads, the Content Manager) with each staff token.
// The expected visibility is computed here from the scope words (all, department, own + pool,
// created, record) and the seeded org, never from backend modules. All findings are collected
// and printed; each test expects the list to be empty.
import { bootApp, type Client, type TestApp } from '../../helpers/app';
import {
  PEOPLE, ROLE_OF, grantOf, listAll, roleFile, seedSuiteOrg, url, type RoleFile, type SuiteOrg, type Who,
} from '../../helpers/suite-org';

let app: TestApp;
let org: SuiteOrg;
let roles: RoleFile;
/** resource → every record, as admin reads it */
const all: Record<string, any[]> = {};
let requests = 0;

/** CRM_SUITE_SCALE=full: more seed records, every foreign record as a probe, both sort orders, _neq filters */
const FULL = process.env.CRM_SUITE_SCALE === 'full';
const SAMPLE = FULL ? 1e9 : 2;
const BATCH = 16;

beforeAll(async () => {
  app = await bootApp();
  org = await seedSuiteOrg(app, { perWorker: FULL ? 3 : 1 });
  roles = roleFile();
  for (const resource of Object.keys(org.resources)) {
    if (org.resources[resource].includes('list')) all[resource] = await listAll(org.as.admin, resource);
  }
}, 180000);
afterAll(async () => {
  console.log(`[leaks] ${requests} requests`);
  await app?.stop();
});

// ---------- the expected visibility, from the scope words ----------

function subtree(root: number): Set<number> {
  const out = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of all.departments ?? []) if (d.parent != null && out.has(d.parent) && !out.has(d.id)) { out.add(d.id); grew = true; }
  }
  return out;
}
function teamOf(who: Who): Set<number> {
  const me = org.uid[who];
  const d = org.deptOf.get(me);
  if (d == null) return new Set([me]);
  const depts = subtree(d);
  return new Set([...org.deptOf].filter(([, dep]) => dep != null && depts.has(dep)).map(([id]) => id));
}
const ownerOf = (resource: string, rec: any): number | null | undefined =>
  'owner' in rec ? rec.owner : undefined;
const creatorOf = (resource: string, rec: any): number | null | undefined => {
  if ('creator' in rec) return rec.creator;
  const who = org.createdBy[resource]?.get(rec.id);
  return who ? org.uid[who] : undefined;
};

/** May `who` see `rec` of `resource` when reading it as `action` (list or show)? */
function visible(who: Who, resource: string, rec: any, action: 'list' | 'show' = 'list'): boolean {
  const g = grantOf(roles, ROLE_OF[who], resource);
  if (!g.actions.includes(action)) return false;
  const me = org.uid[who];
  const pooled = rec.inPool === true;
  switch (g.scope) {
    case 'all': return true;
    case 'own': { const o = ownerOf(resource, rec); return o !== undefined && (o === me || pooled); }
    case 'department': {
      const by = ownerOf(resource, rec) !== undefined ? ownerOf(resource, rec) : creatorOf(resource, rec);
      return by !== undefined && ((by !== null && teamOf(who).has(by)) || pooled);
    }
    case 'created': return creatorOf(resource, rec) === me;
    case 'handling': { // complaints: the assignee, handlers of its department's subtree, the customer's consultant (reads)
      if (rec.assignee === me) return true;
      const d = org.deptOf.get(me);
      if (g.actions.includes('edit') && d != null && rec.department != null && subtree(d).has(rec.department)) return true;
      return (all.customers ?? []).some((c) => c.id === rec.customer && c.owner === me);
    }
    case 'record': {
      // a message is visible with its customer; an audit event with the record it is about
      if (resource === 'messages') {
        const customer = (all.customers ?? []).find((c) => c.id === rec.customer);
        return !!customer && visible(who, 'customers', customer, 'show');
      }
      const subject = (all[rec.resource] ?? []).find((r) => r.id === rec.recordId);
      return !!subject && visible(who, rec.resource, subject, 'show');
    }
    default: return false;
  }
}

// ---------- helpers ----------

interface Finding { who: Who; resource: string; path: string; detail: string }

const totalOf = (res: any) => Number(String(res.headers['content-range'] ?? '').split('/')[1]);
const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
/** Could the API's equality filter match `have` for the filter value `want`? Errs on "yes". */
function mayEqual(have: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return want.some((w) => mayEqual(have, w));
  if (Array.isArray(have)) return have.some((h) => mayEqual(h, want));
  if (have == null || want == null) return have == null && want == null;
  if (norm(have) === norm(want) || String(have) === String(want)) return true;
  if (Number(have) === Number(want) && !Number.isNaN(Number(want))) return true;
  if (typeof have === 'string' && typeof want === 'string' && !Number.isNaN(Date.parse(have)) && Date.parse(have) === Date.parse(want)) return true;
  if (typeof have === 'object' || typeof want === 'object') return JSON.stringify(have) === JSON.stringify(want);
  return false;
}
const containsText = (rec: any, text: string) =>
  Object.values(rec).some((v) => typeof v === 'string' && v.toLowerCase().includes(text.toLowerCase()));

/** Foreign records to probe with: the first of each distinct owner/creator, `n` at most (all with CRM_SUITE_SCALE=full). */
function sampleForeign(resource: string, foreign: any[], n = SAMPLE) {
  const seen = new Set<string>();
  const out: any[] = [];
  for (const r of foreign) {
    const key = `${ownerOf(resource, r)}|${creatorOf(resource, r)}|${r.inPool}|${r.resource}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length >= n) break;
  }
  return out;
}

async function inBatches<T>(items: T[], fn: (x: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) await Promise.all(items.slice(i, i + BATCH).map(fn));
}

/** Reads `resource` as `who` along every path and returns what leaked (and any 5xx). */
async function probe(who: Who, resource: string): Promise<Finding[]> {
  const c: Client = org.as[who];
  const found: Finding[] = [];
  const g = grantOf(roles, ROLE_OF[who], resource);
  const records = all[resource];
  const isVisible = (r: any) => visible(who, resource, r, 'list');
  const visibleIds = new Set(records.filter(isVisible).map((r) => r.id));
  const shownIds = new Set(records.filter((r) => visible(who, resource, r, 'show')).map((r) => r.id));
  const foreign = records.filter((r) => !shownIds.has(r.id));
  const byId = new Map(records.map((r) => [r.id, r]));
  const leak = (path: string, detail: string) => found.push({ who, resource, path, detail });

  /** one list read: rows must be visible; `exact`: the visible set it must equal; `zero`: a count oracle */
  const read = async (path: string, params: Record<string, unknown>, check: { exact?: Set<number>; zero?: boolean; ids?: Set<number> } = {}) => {
    requests += 1;
    const res = await c.get(url(resource, { range: [0, 999], ...params }));
    if (res.status >= 500) return leak(path, `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    if (res.status !== 200) {
      if (!res.body?.error?.message) leak(path, `${res.status} without an error message`);
      if (check.exact && g.actions.includes('list')) leak(path, `refused with ${res.status}: ${res.body?.error?.message}`);
      return;
    }
    const allowed = check.ids ?? visibleIds;
    const bad = (res.body as any[]).filter((r) => !allowed.has(r.id)).map((r) => r.id);
    if (bad.length) leak(path, `foreign ids ${bad.slice(0, 10).join(',')} (${bad.length})`);
    const total = totalOf(res);
    if (check.zero && total !== 0) leak(path, `Content-Range total ${total}, want 0 (only foreign records match)`);
    if (check.exact) {
      const got = new Set((res.body as any[]).map((r) => r.id));
      const missing = [...check.exact].filter((id) => !got.has(id));
      if (missing.length) leak(path, `model mismatch: visible ids ${missing.slice(0, 10).join(',')} not listed`);
      if (total !== check.exact.size) leak(path, `Content-Range total ${total}, want ${check.exact.size}`);
    } else if (total > allowed.size) leak(path, `Content-Range total ${total} > ${allowed.size} visible`);
  };

  // Audit events (scope `record`) are read one visible record at a time: probe through such bases.
  const viaRecord = g.scope === 'record' && resource === 'audit-events';
  let bases: Record<string, unknown>[] = [{}];
  if (viaRecord) {
    const subjects = new Map<string, { resource: string; recordId: number }>();
    for (const e of records) {
      const key = `${e.resource}:${e.recordId}`;
      if (!subjects.has(key) && visible(who, resource, e, 'show')) subjects.set(key, { resource: e.resource, recordId: e.recordId });
    }
    // one subject per resource, at most four
    const perResource = new Map<string, { resource: string; recordId: number }>();
    for (const s of subjects.values()) if (!perResource.has(s.resource)) perResource.set(s.resource, s);
    bases = [...perResource.values()].slice(0, 4);
    // the history of a record the reader cannot see: refused or empty
    const hidden = new Map<string, any>();
    for (const e of records) if (!visible(who, resource, e, 'show')) hidden.set(`${e.resource}:${e.recordId}`, e);
    await inBatches([...hidden.values()].slice(0, SAMPLE * 6), async (e) => {
      await read(`history of hidden ${e.resource} ${e.recordId}`, { filter: { resource: e.resource, recordId: e.recordId } }, { zero: true });
    });
    const plain = await c.get(url(resource));
    requests += 1;
    if (plain.status === 200 && plain.body.length) leak('list without a record', `${plain.body.length} events`);
  }

  for (const base of bases) {
    const here = (r: any) => Object.entries(base).every(([k, v]) => r[k] === v);
    const expectIds = new Set(records.filter((r) => here(r) && isVisible(r)).map((r) => r.id));
    const tag = Object.keys(base).length ? ` [${JSON.stringify(base)}]` : '';
    if (g.actions.includes('list')) {
      await read(`list${tag}`, { filter: base }, { exact: expectIds });
      // sort on every field the API exposes, both ways
      const fields = Object.keys(records[0] ?? {}).filter((f) => f !== 'actions');
      // (both ways with CRM_SUITE_SCALE=full; else each field one way, alternating)
      const sorts = fields.flatMap((f, i) => (FULL ? ['ASC', 'DESC'] : [i % 2 ? 'DESC' : 'ASC']).map((d) => [f, d]));
      await inBatches(sorts, async ([f, d]) => {
        await read(`sort ${f} ${d}${tag}`, { filter: base, sort: [f, d] });
      });
      // filter on every field with a foreign record's value; count oracle when no visible record matches
      for (const rec of sampleForeign(resource, foreign)) {
        await inBatches(fields.filter((f) => !(f in base)), async (f) => {
          const value = rec[f];
          if (value === undefined) return;
          const zero = ![...expectIds].some((id) => mayEqual(byId.get(id)[f], value));
          await read(`filter ${f}=${JSON.stringify(value)?.slice(0, 60)} (#${rec.id})${tag}`, { filter: { ...base, [f]: value } }, { zero });
          if (FULL && value !== null && typeof value !== 'object') {
            await read(`filter ${f}_neq (#${rec.id})${tag}`, { filter: { ...base, [`${f}_neq`]: value } });
          }
        });
        // q with the foreign record's distinctive text
        const token = org.tokens[resource]?.get(rec.id) ?? Object.values(rec).find((v) => typeof v === 'string' && v.length >= 6 && records.filter((r) => containsText(r, v as string)).length === 1);
        if (typeof token === 'string') {
          const zero = ![...expectIds].some((id) => containsText(byId.get(id), token));
          await read(`q "${token}" (#${rec.id})${tag}`, { filter: { ...base, q: token } }, { zero });
        }
      }
      // getMany with every foreign id, alone and mixed with visible ones
      const foreignIds = foreign.map((r) => r.id);
      for (let i = 0; i < foreignIds.length; i += 100) {
        const chunk = foreignIds.slice(i, i + 100);
        await read(`getMany foreign${tag}`, { filter: { ...base, id: chunk } }, { zero: true });
        await read(`getMany mixed${tag}`, { filter: { ...base, id: [...chunk, ...[...expectIds].slice(0, 3)] } });
      }
    }
  }

  // single read of every foreign record (sampled for audit events: there are many)
  const singles = viaRecord || resource === 'audit-events' ? foreign.slice(0, SAMPLE * 10) : foreign;
  await inBatches(singles, async (rec) => {
    requests += 1;
    const res = await c.get(`/api/crm/${resource}/${rec.id}`);
    if (res.status === 200) leak(`show #${rec.id}`, `200 ${JSON.stringify(res.body).slice(0, 120)}`);
    else if (res.status >= 500 || !res.body?.error?.message) leak(`show #${rec.id}`, `${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
  });
  return found;
}

// ---------- the generated tests ----------

const report = (found: Finding[]) => {
  for (const f of found) console.log(`[leak] ${f.who} · ${f.resource} · ${f.path}: ${f.detail}`);
  return found.map((f) => `${f.who} ${f.resource} ${f.path}: ${f.detail}`);
};

describe('every role × every resource × every read path', () => {
  it.each([...PEOPLE])('%s sees nothing outside its scope', async (who) => {
    const found: Finding[] = [];
    for (const resource of Object.keys(all)) found.push(...(await probe(who, resource)));
    expect(report(found)).toEqual([]);
  });

  it('the probes can see a leak: reading the admin records as a consultant would be one', () => {
    // the expected-visibility model itself: a consultant sees its own lead, not the other store's
    const leadOf = (w: Who) => all.leads.find((l) => l.owner === org.uid[w]);
    expect(visible('salesA', 'leads', leadOf('salesA'))).toBe(true);
    expect(visible('salesA', 'leads', leadOf('salesB'))).toBe(false);
    expect(visible('mgrA', 'leads', leadOf('salesA'))).toBe(true);
    expect(visible('mgrA', 'leads', leadOf('salesB'))).toBe(false);
    expect(all.customers.some((c) => c.inPool && visible('salesB', 'customers', c))).toBe(true);
  });
});

describe("Strapi's stock routes with a staff token", () => {
  const SECRET = /"(password|resetPasswordToken|confirmationToken)"\s*:/;
  const singular = (r: string) => r.replace(/ies$/, 'y').replace(/s$/, '');
  const empty = (body: any) =>
    body == null || body === '' || (Array.isArray(body) && !body.length) || (Array.isArray(body?.data) && !body.data.length) ||
    (typeof body === 'object' && !Array.isArray(body) && !Object.keys(body).length);

  it.each([...PEOPLE])('%s: every stock route refuses or answers nothing', async (who) => {
    const c = org.as[who];
    const someone = org.uid[who === 'salesA' ? 'salesB' : 'salesA'];
    const paths: string[] = ['/api/users', `/api/users/${someone}`, '/api/users/count', '/api/users/me', '/api/upload/files', '/api/upload/files/1',
      '/api/users-permissions/roles', '/api/users-permissions/permissions', '/content-manager/collection-types/plugin::users-permissions.user', '/admin/users'];
    for (const resource of Object.keys(all)) {
      const id = all[resource][0]?.id ?? 1;
      paths.push(`/api/${resource}`, `/api/${resource}/${id}`, `/api/${resource}?populate=*`,
        `/content-manager/collection-types/api::${singular(resource)}.${singular(resource)}`,
        `/content-manager/collection-types/api::${singular(resource)}.${singular(resource)}/${id}`);
    }
    const found: Finding[] = [];
    await inBatches(paths, async (path) => {
      requests += 1;
      const res = await c.get(path);
      const text = JSON.stringify(res.body ?? '');
      if (res.status >= 500) found.push({ who, resource: 'stock', path, detail: `${res.status}` });
      else if (SECRET.test(text) || (text.match(/[\w.-]+@test\.local/g) ?? []).some((e) => e !== `${who}@test.local`)) found.push({ who, resource: 'stock', path, detail: `secrets ${text.slice(0, 160)}` });
      else if (res.status < 300) {
        const ownProfile = path === '/api/users/me' && res.body?.id === org.uid[who];
        if (!ownProfile && !empty(res.body)) found.push({ who, resource: 'stock', path, detail: `${res.status} ${text.slice(0, 160)}` });
      }
    });
    expect(report(found)).toEqual([]);
  });
});
