// Fuzzing the HTTP API with fast-check, for every resource and action an admin's /api/crm/me
// lists: hostile `sort`/`range`/`filter` query parameters, hostile bodies on POST, PUT, named
// actions, bulk and assign, and hostile ids. Every answer must be a 2xx or a 4xx JSON error
// with `error.message`, never a 5xx; afterwards every record that existed before the run has
// the version it had, unless an answer was a 2xx for it (or for a record linked to it).
// Deterministic: a fixed seed and a bounded number of cases per category; CRM_FUZZ_RUNS scales
// the cases per category up (default 250), CRM_FUZZ_SEED changes the seed.
import fc from 'fast-check';
import request from 'supertest';
import { bootApp, type TestApp } from '../../helpers/app';
import { listAll, resourceOfField, seedSuiteOrg, type SuiteOrg, type Who } from '../../helpers/suite-org';

const RUNS = Number(process.env.CRM_FUZZ_RUNS ?? 250);
const SEED = Number(process.env.CRM_FUZZ_SEED ?? 20261201);
const CRUD = new Set(['list', 'show', 'create', 'edit', 'delete', 'assign']);
const FUZZERS: Who[] = ['admin', 'mgrA', 'salesA', 'recA'];

let app: TestApp;
let org: SuiteOrg;
let resources: string[];
/** resource → its named actions */
const actionsOf: Record<string, string[]> = {};
/** resource → API field names (from a record the admin reads) */
const fieldsOf: Record<string, string[]> = {};
/** resource → id → version before the run */
const before: Record<string, Map<number, number>> = {};
/** resource → ids known to exist */
const idsOf: Record<string, number[]> = {};
/** `${resource}:${id}` that got a 2xx (themselves or through a link); `*:${id}` when the resource is unknown */
const touched = new Set<string>();
const touchedOwners = new Set<number>();

interface Failure { what: string; status: number; body: string }
const failures: Failure[] = [];
let sent = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  app = await bootApp();
  org = await seedSuiteOrg(app);
  resources = Object.keys(org.resources).filter((r) => org.resources[r].includes('list'));
  for (const r of resources) {
    actionsOf[r] = org.resources[r].filter((a) => !CRUD.has(a));
    const rows = await listAll(org.as.admin, r);
    fieldsOf[r] = Object.keys(rows[0] ?? { id: 1 }).filter((f) => f !== 'actions');
    idsOf[r] = rows.map((x) => x.id);
    before[r] = new Map(rows.filter((x) => typeof x.version === 'number').map((x) => [x.id, x.version]));
  }
}, 120000);
afterAll(async () => {
  console.log(`[fuzz] ${sent} requests, seed ${SEED}, ${RUNS} cases per category; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  await app?.stop();
});

// ---------- hostile values ----------

const LONE = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)), minLength: 1, maxLength: 3 });
const EDGE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uDBFFy', '\u202E反转', '\u200B', '😀👨‍👩‍👧', '１２３', '٣', 'NaN', 'Infinity', '-0', '1e309', '0x10',
  "' OR '1'='1", "'; DROP TABLE leads; --", '" OR 1=1 --', '%', '_', '\\', '\\%', '$where', '$gt', '{"$gt":""}', '[]', '{}', 'null', 'undefined',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '{{7*7}}',
  'x'.repeat(5000), '中'.repeat(300), 'ASC', 'DESC', 'asc', 'id', 'q', 'owner', 'status', '2026-02-30', '2026-13-01T00:00:00Z', '9999-12-31', '0000-00-00',
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: LONE },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 1.5, -0.0001, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const KEYS = ['__proto__', 'constructor', 'prototype', '$gt', '$or', '$and', '$eq', '$ne', '$in', '$null', 'id', 'q', 'owner', 'version', 'ids', 'set', 'connect', 'toString'];
/** any JSON value, with hostile leaves and keys */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), hostileNumber, hostileString,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), hostileString), tie('v'), { maxKeys: 4 }),
  ),
})).v;
/** JSON text that JSON.stringify cannot produce: huge numbers, deep nesting, own __proto__ keys */
const RAW_JSON = [
  '1e309', '-1e309', '1e-400', '123456789012345678901234567890', '[1e309,1e309]', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}',
  '{"a":1,"a":2}', `${'['.repeat(1000)}${']'.repeat(1000)}`, `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`,
  '"\\u0000"', '"\\ud800"', '[null]', '{}', '[]', 'true', '0', '"x"', '', 'null',
];
/** bodies can be far deeper than a URL (Node refuses request lines over 16 KB with a 431 before any app code) */
const RAW_BODIES = [...RAW_JSON, `${'['.repeat(20000)}${']'.repeat(20000)}`, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, `{"ids":${'['.repeat(5000)}1${']'.repeat(5000)}}`];
/** text for a JSON-carrying parameter or body: usually JSON of a hostile value, sometimes raw or broken */
const jsonText = (value: fc.Arbitrary<unknown>, raw = RAW_JSON) => fc.oneof(
  { weight: 4, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom(...raw) },
  { weight: 1, arbitrary: hostileString },
);

const HOSTILE_IDS = ['-1', '0', '1e309', '0x10', '1.5', ' 1', '1 ', '+1', '01', '..', '../', '..%2F..%2Fetc%2Fpasswd', '%00', '%ED%A0%80', '%E4%B8%AD', '%',
  '9007199254740993', '99999999999999999999', 'null', 'undefined', '__proto__', 'constructor', 'NaN', 'Infinity', '1;DROP TABLE leads', "1' OR '1'='1", 'x'.repeat(3000)];
/** encodeURIComponent that also carries lone surrogates (as their 3-byte WTF-8 form, what a sloppy client sends) */
function pct(s: string) {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}
const hostileId = fc.oneof(
  fc.constantFrom(...HOSTILE_IDS),
  hostileString.map(pct),
  hostileNumber.map((n) => pct(String(n))),
);

// ---------- sending and judging ----------

const tokenOf = (who: Who) => org.as[who].token;
async function send(who: Who, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: string) {
  sent += 1;
  let t = request(app.strapi.server.httpServer)[method](path).set('Authorization', `Bearer ${tokenOf(who)}`);
  if (body !== undefined) t = t.set('Content-Type', 'application/json').send(body);
  return t;
}

/** Records a failure unless the answer is a 2xx, or a 4xx JSON error naming the problem. */
function judge(what: string, res: request.Response) {
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const ok2xx = res.status >= 200 && res.status < 300;
  const ok4xx = res.status >= 400 && res.status < 500 && typeof res.body?.error?.message === 'string' && res.body.error.message.length > 0;
  if (!ok2xx && !ok4xx) failures.push({ what, status: res.status, body: (res.text ?? '').slice(0, 200) });
  return ok2xx;
}

/** A 2xx on a record may change it and the records it links to. */
function markTouched(resource: string, id: unknown, body: any) {
  const n = Number(id);
  if (Number.isSafeInteger(n)) touched.add(`${resource}:${n}`);
  const recs = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
  for (const rec of recs) {
    if (typeof rec?.id === 'number') touched.add(`${resource}:${rec.id}`);
    for (const [k, v] of Object.entries(rec ?? {})) {
      const target = resourceOfField(k, resources);
      for (const x of ([] as unknown[]).concat(v)) if (typeof x === 'number') touched.add(`${target ?? '*'}:${x}`);
    }
  }
  if (resource === 'staff' && Number.isSafeInteger(n)) touchedOwners.add(n);
}

const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
const existingId = (r: string) => (idsOf[r].length ? pick(idsOf[r]) : fc.constant(1));
/** prints and hands over the failures found since the last report (each test judges its own) */
const report = () => {
  const mine = failures.splice(0);
  const seen = new Map<string, Failure & { n: number }>();
  for (const f of mine) {
    const key = `${f.status} ${f.what.replace(/\d+/g, 'N').slice(0, 80)}`;
    const e = seen.get(key);
    if (e) e.n += 1; else seen.set(key, { ...f, n: 1 });
  }
  for (const f of seen.values()) console.log(`[fuzz] ${f.status} ×${f.n} ${f.what.slice(0, 300)}\n        → ${f.body}`);
  return mine.map((f) => `${f.status} ${f.what.slice(0, 200)}`);
};

// ---------- the properties ----------

describe('hostile list queries (sort, range, filter, unknown and repeated parameters)', () => {
  const sortArb = (r: string) => fc.oneof(
    jsonText(fc.tuple(fc.oneof(pick(fieldsOf[r]), hostileString), fc.oneof(fc.constantFrom('ASC', 'DESC'), hostileString))),
    jsonText(hostileValue),
  );
  const rangeArb = fc.oneof(jsonText(fc.tuple(hostileNumber, hostileNumber)), jsonText(fc.array(hostileNumber, { maxLength: 4 })), jsonText(hostileValue));
  const SUFFIX = ['', '_gte', '_lte', '_neq', '_gt', '_lt', '_between', '.x', '[0]'];
  const filterArb = (r: string) => fc.oneof(
    jsonText(fc.dictionary(fc.tuple(fc.oneof(pick(fieldsOf[r]), fc.constantFrom(...KEYS)), pick(SUFFIX)).map(([a, b]) => a + b), hostileValue, { maxKeys: 3 })),
    jsonText(fc.record({ q: hostileValue })),
    jsonText(fc.record({ id: hostileValue })),
    jsonText(hostileValue),
  );
  const caseArb = () => pick(resources).chain((r) => fc.record({
    r: fc.constant(r),
    who: pick(FUZZERS),
    sort: fc.option(sortArb(r), { nil: undefined }),
    range: fc.option(rangeArb, { nil: undefined }),
    filter: fc.option(filterArb(r), { nil: undefined }),
    extra: fc.option(fc.constantFrom('sort=["id","ASC"]&sort=["id","DESC"]', 'filter[owner]=1', 'filter[$or][0][id]=1', 'range[]=0&range[]=9', 'populate=*', 'fields[0]=password',
      'pagination[pageSize]=100000', '__proto__[x]=1', 'constructor[prototype][x]=1', 'q=%00', 'filter=%ED%A0%80', 'sort=%', '_limit=-1'), { nil: undefined }),
  }));

  it('answers every one with a 2xx or a 4xx JSON error', async () => {
    for (const c of fc.sample(caseArb(), { seed: SEED, numRuns: RUNS * 2 })) {
      const parts = (['sort', 'range', 'filter'] as const).filter((k) => c[k] !== undefined).map((k) => `${k}=${pct(c[k]!)}`);
      if (c.extra) parts.push(c.extra);
      const path = `/api/crm/${c.r}?${parts.join('&')}`;
      judge(`${c.who} GET ${path}`, await send(c.who, 'get', path));
    }
    expect(report()).toEqual([]);
  });
});

describe('hostile ids on every route that takes one', () => {
  const caseArb = () => pick(resources).chain((r) => fc.record({
    r: fc.constant(r),
    who: pick(FUZZERS),
    id: hostileId,
    // the routes the resource has (an admin's actions on it name them)
    route: pick(['show', ...['edit', 'delete'].filter((a) => org.resources[r].includes(a)), ...actionsOf[r].map((a) => `action:${a}`)]),
  }));

  it('answers every one with a 2xx or a 4xx JSON error', async () => {
    for (const c of fc.sample(caseArb(), { seed: SEED + 1, numRuns: RUNS })) {
      const base = `/api/crm/${c.r}/${c.id}`;
      const [method, path, body] =
        c.route === 'show' ? (['get', base] as const)
        : c.route === 'edit' ? (['put', base, '{"version":1}'] as const)
        : c.route === 'delete' ? (['delete', base] as const)
        : (['post', `${base}/${c.route.slice(7)}`, '{}'] as const);
      const res = await send(c.who, method, path, body);
      if (judge(`${c.who} ${method.toUpperCase()} ${path}`, res)) markTouched(c.r, c.id, res.body);
    }
    expect(report()).toEqual([]);
  });
});

describe('hostile bodies on create, edit, named actions, bulk and assign', () => {
  /** an object shaped like a record of `r`: its field names (and hostile keys) with hostile values */
  const recordish = (r: string) => fc.dictionary(fc.oneof({ weight: 4, arbitrary: pick(fieldsOf[r]) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) }), hostileValue, { maxKeys: 6 });
  const routesOf = (r: string) => [...['create', 'edit'].filter((a) => org.resources[r].includes(a)), ...actionsOf[r].flatMap((a) => [`action:${a}`, `bulk:${a}`]), ...(org.resources[r].includes('assign') ? ['assign'] : [])];
  const caseArb = () => pick(resources.filter((r) => routesOf(r).length)).chain((r) => {
    const routes = [...['create', 'edit'].filter((a) => org.resources[r].includes(a)), ...actionsOf[r].flatMap((a) => [`action:${a}`, `bulk:${a}`]), ...(org.resources[r].includes('assign') ? ['assign'] : [])];
    return fc.record({
      r: fc.constant(r),
      who: pick(FUZZERS),
      route: pick(routes),
      id: existingId(r),
      body: fc.oneof(
        { weight: 4, arbitrary: jsonText(recordish(r), RAW_BODIES) },
        { weight: 2, arbitrary: jsonText(fc.record({ ids: fc.oneof(hostileValue, fc.array(fc.oneof(existingId(r), hostileNumber, hostileString), { maxLength: 5 })), owner: hostileValue, reason: hostileValue, note: hostileValue }, { requiredKeys: [] })) },
        { weight: 1, arbitrary: jsonText(hostileValue) },
      ),
    });
  });

  it('answers every one with a 2xx or a 4xx JSON error', async () => {
    for (const c of fc.sample(caseArb(), { seed: SEED + 2, numRuns: RUNS * 2 })) {
      const [kind, action] = c.route.split(':');
      const [method, path] =
        kind === 'create' ? (['post', `/api/crm/${c.r}`] as const)
        : kind === 'edit' ? (['put', `/api/crm/${c.r}/${c.id}`] as const)
        : kind === 'action' ? (['post', `/api/crm/${c.r}/${c.id}/${action}`] as const)
        : kind === 'bulk' ? (['post', `/api/crm/${c.r}/bulk/${action}`] as const)
        : (['post', `/api/crm/${c.r}/assign`] as const);
      const res = await send(c.who, method, path, c.body);
      if (judge(`${c.who} ${method.toUpperCase()} ${path} ${c.body.slice(0, 300)}`, res)) {
        markTouched(c.r, kind === 'create' ? res.body?.id : c.id, res.body);
        if (kind === 'bulk' || kind === 'assign') {
          let ids: unknown = [];
          try { ids = JSON.parse(c.body)?.ids; } catch { /* not JSON */ }
          for (const id of ([] as unknown[]).concat(ids ?? [])) markTouched(c.r, id, null);
          // a bulk action answers a count: the records it wrote link elsewhere, so re-read them
          for (const id of ([] as unknown[]).concat(ids ?? [])) {
            const now = await org.as.admin.get(`/api/crm/${c.r}/${Number(id)}`);
            if (now.status === 200) markTouched(c.r, id, now.body);
          }
        }
      }
    }
    expect(report()).toEqual([]);
  });

  it('a few well-formed bodies get through, so the fuzzer reaches the rules', async () => {
    // sanity: the same endpoints accept real input (else every 4xx above would be vacuous)
    const lead = await org.as.salesA.post('/api/crm/leads', { subject: '模糊测试对照' });
    expect(lead.status).toBe(201);
    const put = await org.as.salesA.put(`/api/crm/leads/${lead.body.id}`, { ...lead.body, description: '对照' });
    expect(put.status).toBe(200);
  });
});

describe('after the run', () => {
  it("every record that existed keeps its version unless a 2xx answer was about it (or a record linking to it)", async () => {
    const changed: string[] = [];
    for (const r of resources) {
      const now = new Map((await listAll(org.as.admin, r)).map((x) => [x.id, x]));
      for (const [id, v] of before[r]) {
        if (touched.has(`${r}:${id}`) || touched.has(`*:${id}`)) continue;
        const rec = now.get(id);
        if (rec && touchedOwners.has(rec.owner)) continue;
        if (!rec) changed.push(`${r} ${id}: gone`);
        else if (rec.version !== v) changed.push(`${r} ${id}: version ${v} → ${rec.version}`);
      }
    }
    expect(changed).toEqual([]);
  });
});
