// A small two-store org for the generated suites (leaks, fuzz, concurrency): two departments,
// a manager and a consultant in each, reception in store A, marketing and service in none,
// and records owned (or logged) by each of them, every one carrying a distinctive token.
// Everything goes through the HTTP API; resources and their actions are read from /api/crm/me
// and config/roles.json, never from backend modules, so the suites follow the registry.
import fs from 'fs';
import path from 'path';
import { listQuery, type Client, type TestApp } from './app';
import { ROOT } from '../../scripts/lib/paths';

export const PEOPLE = ['admin', 'mgrA', 'mgrB', 'salesA', 'salesB', 'recA', 'mkt', 'svc'] as const;
export type Who = (typeof PEOPLE)[number];
export const ROLE_OF: Record<Who, string> = {
  admin: 'admin', mgrA: 'sales-manager', mgrB: 'sales-manager', salesA: 'sales', salesB: 'sales',
  recA: 'reception', mkt: 'marketing', svc: 'service',
};

export interface Grant { actions: string[]; scope: string }
export interface RoleFile { roles: Record<string, { resources: Record<string, Grant> }> }
export const roleFile = (): RoleFile => JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'roles.json'), 'utf8'));
export const grantOf = (roles: RoleFile, role: string, resource: string): Grant =>
  roles.roles[role]?.resources[resource] ?? { actions: [], scope: 'none' };

export interface SuiteOrg {
  as: Record<Who, Client>;
  uid: Record<Who, number>;
  dept: { A: number; B: number };
  /** staff id → department id (null: none) */
  deptOf: Map<number, number | null>;
  /** every resource an admin may list, with the admin's actions on it (from /api/crm/me) */
  resources: Record<string, string[]>;
  /** resource → id → who created it through the API in the seed */
  createdBy: Record<string, Map<number, Who>>;
  /** resource → id → the seed's distinctive token in that record */
  tokens: Record<string, Map<number, string>>;
}

export const MARK = '泄漏探针';
export const tokenOf = (resource: string, who: string, n: number) => `${MARK}-${resource}-${who}-${n}`;
export const url = (resource: string, p: Record<string, unknown> = {}) => `/api/crm/${resource}?${listQuery(p)}`;

async function created(res: { status: number; body: any }, what: string) {
  if (res.status !== 201 && res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let mobileSeq = 0;
export const uniqueMobile = (prefix = '136') => {
  mobileSeq += 1;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(mobileSeq).padStart(5, '0')}`;
};

/** Seeds the org and, for each of `perWorker` rounds, a lead, customer, opportunity and follow-up per consultant and manager. */
export async function seedSuiteOrg(app: TestApp, opts: { perWorker?: number } = {}): Promise<SuiteOrg> {
  const rounds = opts.perWorker ?? 1;
  const uid = {} as Record<Who, number>;
  const as = {} as Record<Who, Client>;
  uid.admin = await app.staff('admin', 'admin');
  as.admin = await app.as('admin');
  const admin = as.admin;
  const dept = {
    A: (await created(await admin.post('/api/crm/departments', { name: `${MARK}-A店` }), 'dept A')).id as number,
    B: (await created(await admin.post('/api/crm/departments', { name: `${MARK}-B店` }), 'dept B')).id as number,
  };
  const placed: Record<Who, number | null> = { admin: null, mgrA: dept.A, mgrB: dept.B, salesA: dept.A, salesB: dept.B, recA: dept.A, mkt: null, svc: null };
  const deptOf = new Map<number, number | null>([[uid.admin, null]]);
  for (const who of PEOPLE) {
    if (who === 'admin') continue;
    uid[who] = await app.staff(who, ROLE_OF[who], { ...(placed[who] ? { department: placed[who] } : {}), displayName: `${MARK}-staff-${who}` });
    deptOf.set(uid[who], placed[who]);
  }
  await Promise.all(PEOPLE.filter((w) => w !== 'admin').map(async (w) => { as[w] = await app.as(w); }));
  const me = (await admin.get('/api/crm/me').expect(200)).body;
  const resources: Record<string, string[]> = me.resources;

  const createdBy: SuiteOrg['createdBy'] = {};
  const tokens: SuiteOrg['tokens'] = {};
  const note = (resource: string, rec: any, who: Who, token: string) => {
    (createdBy[resource] ??= new Map()).set(rec.id, who);
    (tokens[resource] ??= new Map()).set(rec.id, token);
    return rec;
  };
  const tomorrow = new Date(Date.now() + 86400000).toISOString();
  let n = 0;
  for (let r = 0; r < rounds; r += 1) {
    for (const who of ['salesA', 'salesB', 'mgrA', 'mgrB', 'admin'] as Who[]) {
      const c = as[who];
      n += 1;
      const t = (res: string) => tokenOf(res, who, n);
      const lead = note('leads', await created(await c.post('/api/crm/leads', { subject: t('leads'), targetCustomer: t('leads'), mobile: uniqueMobile('138'), description: t('leads') }), `lead ${who}`), who, t('leads'));
      const customer = note('customers', await created(await c.post('/api/crm/customers', { name: t('customers'), mobile: uniqueMobile('139'), company: t('customers'), level: 'A' }), `customer ${who}`), who, t('customers'));
      const opp = note('opportunities', await created(await c.post('/api/crm/opportunities', { name: t('opportunities'), product: t('opportunities'), customer: customer.id, estimatedValue: 1000 + n }), `opportunity ${who}`), who, t('opportunities'));
      note('interactions', await created(await c.post('/api/crm/interactions', { subject: t('interactions'), place: t('interactions'), start: tomorrow, customer: customer.id, opportunity: opp.id }), `interaction ${who}`), who, t('interactions'));
      void lead;
    }
    // reception logs a walk-in and a lead; admin logs a walk-in; admin puts a customer into the pool
    n += 1;
    note('leads', await created(await as.recA.post('/api/crm/leads', { subject: tokenOf('leads', 'recA', n), mobile: uniqueMobile('137') }), 'lead recA'), 'recA', tokenOf('leads', 'recA', n));
    for (const who of ['recA', 'admin'] as Who[]) {
      n += 1;
      note('visit-logs', await created(await as[who].post('/api/crm/visit-logs', { visitedAt: new Date().toISOString(), name: tokenOf('visit-logs', who, n), note: tokenOf('visit-logs', who, n), mobile: uniqueMobile('135') }), `visit ${who}`), who, tokenOf('visit-logs', who, n));
    }
    n += 1;
    const pool = note('customers', await created(await admin.post('/api/crm/customers', { name: tokenOf('customers', 'pool', n), mobile: uniqueMobile('133') }), 'pool'), 'admin', tokenOf('customers', 'pool', n));
    await created(await admin.post(`/api/crm/customers/${pool.id}/release`, {}), 'release');
  }
  return { as, uid, dept, deptOf, resources, createdBy, tokens };
}

/** Every record of `resource` that `client` lists, page by page. */
export async function listAll(client: Client, resource: string, filter: Record<string, unknown> = {}): Promise<any[]> {
  const out: any[] = [];
  for (let start = 0; ; start += 1000) {
    const res = await client.get(url(resource, { filter, range: [start, start + 999], sort: ['id', 'ASC'] }));
    if (res.status !== 200) throw new Error(`list ${resource}: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...res.body);
    const total = Number(String(res.headers['content-range']).split('/')[1]);
    if (out.length >= total || !res.body.length) return out;
  }
}

/** Relation-ish field → resource name (`customer` → customers, `opportunity` → opportunities). */
export function resourceOfField(field: string, resources: string[]): string | undefined {
  return resources.find((r) => r === `${field}s` || r === `${field.replace(/y$/, 'ies')}` || r === field);
}
