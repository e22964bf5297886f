// Load soak: the real server (a child process) on a fresh PostgreSQL database, on loopback, under
// ~200 connections of mixed reads and writes across roles for a bounded time, with autocannon.
//   npm run soak                                  # 200 connections × 60 s on PostgreSQL
//   npm run soak -- --connections 50 --duration 20 --sqlite
// Reports requests, errors, non-2xx answers, p50/p99 latency and the server's RSS before and
// after; exits 1 on any error or non-2xx answer. Not part of `npm test` (a 10 × 5 s smoke is).
import autocannon from 'autocannon';
import { ensureBuilt } from '../lib/build';
import { freshDatabase } from '../../tests/helpers/database';
import { listQuery } from '../../tests/helpers/app';
import { login, serverEnv, startServer, type ChildClient } from '../../tests/helpers/child';

export interface SoakOptions { connections: number; duration: number; database?: 'postgres' | 'sqlite'; log?: (s: string) => void }
export interface SoakResult {
  database: string; connections: number; duration: number; requests: number; rps: number; errors: number; timeouts: number; non2xx: number;
  statuses: Record<string, number>; p50: number; p99: number; max: number; rssBeforeMb: number; rssAfterMb: number;
}

const PASSWORD = 'soak-pass-2026';
const SALES = ['sales1', 'sales2', 'sales3', 'sales4'];

export async function soak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const database = opts.database ?? 'postgres';
  const before = process.env.TEST_DATABASE;
  if (database === 'postgres') process.env.TEST_DATABASE = 'postgres';
  else { delete process.env.TEST_DATABASE; delete process.env.DATABASE_URL; }
  const db = await freshDatabase();
  if (before === undefined) delete process.env.TEST_DATABASE; else process.env.TEST_DATABASE = before;
  const server = await startServer(serverEnv(db.env, {
    CRM_TEST_PASSWORD: PASSWORD,
    CRM_TEST_STAFF: JSON.stringify([{ username: 'admin', role: 'admin' }, { username: 'manager', role: 'sales-manager' }, ...SALES.map((u) => ({ username: u, role: 'sales' }))]),
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '10',
  }));
  try {
    log(`[soak] server up on ${server.base} (${database}); seeding`);
    const admin = await login(server.base, 'admin', PASSWORD);
    const manager = await login(server.base, 'manager', PASSWORD);
    const sales: ChildClient[] = [];
    for (const u of SALES) sales.push(await login(server.base, u, PASSWORD));
    const own: Record<string, { lead: number; customer: number }[]> = {};
    let mobile = 0;
    for (const [i, c] of sales.entries()) {
      own[i] = [];
      for (let k = 0; k < 10; k += 1) {
        mobile += 1;
        const lead = await c.post('/api/crm/leads', { subject: `压测线索 ${i}-${k}`, mobile: `1360000${String(mobile).padStart(4, '0')}` });
        const customer = await c.post('/api/crm/customers', { name: `压测客户 ${i}-${k}`, mobile: `1370000${String(mobile).padStart(4, '0')}` });
        if (lead.status !== 201 || customer.status !== 201) throw new Error(`seed: ${lead.status} ${customer.status} ${JSON.stringify(customer.body)}`);
        own[i].push({ lead: lead.body.id, customer: customer.body.id });
      }
    }
    const auth = (c: ChildClient) => ({ authorization: `Bearer ${c.token}`, 'content-type': 'application/json' });
    const get = (c: ChildClient, path: string) => ({ method: 'GET' as const, path, headers: auth(c) });
    let n = 0;
    const requests: autocannon.Request[] = [];
    for (const [i, c] of sales.entries()) {
      const mine = own[i][0];
      requests.push(
        get(c, `/api/crm/leads?${listQuery({ sort: ['id', 'DESC'], range: [0, 24] })}`),
        get(c, `/api/crm/customers?${listQuery({ filter: { q: '压测' }, range: [0, 24] })}`),
        get(c, `/api/crm/leads/${mine.lead}`),
        get(c, '/api/crm/me'),
        // a write: a new lead (unique subject; lead creation never conflicts)
        { method: 'POST', path: '/api/crm/leads', headers: auth(c), setupRequest: (r: any) => ({ ...r, body: JSON.stringify({ subject: `压测新线索 ${i}-${(n += 1)}` }) }) },
        get(c, `/api/crm/opportunities?${listQuery({ range: [0, 24] })}`),
      );
    }
    requests.push(
      get(admin, `/api/crm/customers?${listQuery({ sort: ['name', 'ASC'], range: [0, 49] })}`),
      get(admin, `/api/crm/audit-events?${listQuery({ range: [0, 24] })}`),
      get(manager, `/api/crm/leads?${listQuery({ range: [0, 24] })}`),
      get(manager, `/api/crm/staff?${listQuery({ range: [0, 24] })}`),
      { method: 'POST', path: '/api/crm/leads', headers: auth(manager), setupRequest: (r: any) => ({ ...r, body: JSON.stringify({ subject: `经理压测线索 ${(n += 1)}` }) }) },
    );
    const rssBeforeMb = server.rssMb();
    log(`[soak] ${opts.connections} connections × ${opts.duration} s, ${requests.length} request kinds; RSS ${rssBeforeMb.toFixed(0)} MB`);
    const statuses: Record<string, number> = {};
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: server.base, connections: opts.connections, duration: opts.duration, requests, timeout: 30 },
        (err, res) => (err ? reject(err) : resolve(res)));
      instance.on('response', (_c: unknown, status: number) => { statuses[status] = (statuses[status] ?? 0) + 1; });
    });
    const result: SoakResult = {
      database, connections: opts.connections, duration: opts.duration,
      requests: r.requests.total, rps: Math.round(r.requests.average), errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statuses,
      p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, rssBeforeMb: Math.round(rssBeforeMb), rssAfterMb: Math.round(server.rssMb()),
    };
    log(`[soak] ${JSON.stringify(result)}`);
    return result;
  } finally {
    await server.stop();
    await db.drop();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  soak({ connections: flag('--connections', 200), duration: flag('--duration', 60), database: args.includes('--sqlite') ? 'sqlite' : 'postgres' })
    .then((r) => {
      console.log(`connections ${r.connections}, ${r.duration} s on ${r.database}: ${r.requests} requests (${r.rps}/s), ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx; latency p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; server RSS ${r.rssBeforeMb} → ${r.rssAfterMb} MB`);
      process.exit(r.errors || r.non2xx || r.timeouts ? 1 : 0);
    })
    .catch((e) => { console.error(e); process.exit(1); });
}
