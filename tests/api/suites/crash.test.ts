// Crash safety of bulk writes: the real server in a child process on a fresh database, a bulk
// assignment of 200 leads, SIGKILL at a seeded random point while it runs, restart on the same
// database, and check all or nothing: either every lead moved to the new owner, each with its
// `assign` audit event, or none did; and every lead's version is 1 + its assign events (no
// write without its audit trail, no audit event without its write). A few kill points per run
// (CRM_CRASH_POINTS, default 3; CRM_SUITE_SCALE=full: 8), seed CRM_CRASH_SEED.
import { freshDatabase, usesPostgres, type TestDatabase } from '../../helpers/database';
import { login, serverEnv, startServer, type ChildClient, type ChildServer } from '../../helpers/child';
import { listQuery } from '../../helpers/app';

const COUNT = 200;
const POINTS = Number(process.env.CRM_CRASH_POINTS ?? (process.env.CRM_SUITE_SCALE === 'full' ? 8 : 3));
const SEED = Number(process.env.CRM_CRASH_SEED ?? 20261203);
const PASSWORD = 'crash-pass-2026';
const OWNERS = ['owner0', 'owner1', 'owner2'];

/** mulberry32: a tiny seeded PRNG, so the kill points are the same on every run */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let db: TestDatabase;
let env: Record<string, string>;
let server: ChildServer | undefined;
let admin: ChildClient;
let ids: number[] = [];
const ownerId: Record<string, number> = {};

async function boot() {
  server = await startServer(env);
  admin = await login(server.base, 'admin', PASSWORD);
}

async function state() {
  const leads: any[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const res = await admin.get(`/api/crm/leads?${listQuery({ filter: { id: ids.slice(i, i + 100) }, range: [0, 99] })}`);
    expect(res.status).toBe(200);
    leads.push(...res.body);
  }
  const events: any[] = [];
  for (let start = 0; ; start += 1000) {
    const res = await admin.get(`/api/crm/audit-events?${listQuery({ filter: { resource: 'leads', action: 'assign' }, range: [start, start + 999], sort: ['id', 'ASC'] })}`);
    expect(res.status).toBe(200);
    events.push(...res.body);
    if (res.body.length < 1000) break;
  }
  const assigns = new Map<number, any[]>();
  for (const e of events) assigns.set(e.recordId, [...(assigns.get(e.recordId) ?? []), e]);
  return { leads, assigns };
}

/** version = 1 + assign events, and the last assign event names the current owner, for every lead */
function mismatches(s: Awaited<ReturnType<typeof state>>) {
  const out: string[] = [];
  for (const l of s.leads) {
    const evs = s.assigns.get(l.id) ?? [];
    if (l.version !== 1 + evs.length) out.push(`lead ${l.id}: version ${l.version}, ${evs.length} assign events`);
    if (evs.length && evs[evs.length - 1].to !== l.owner) out.push(`lead ${l.id}: owner ${l.owner}, last assign to ${evs[evs.length - 1].to}`);
  }
  return out;
}

beforeAll(async () => {
  db = await freshDatabase({ template: true }); // the run's template: the child boots in seconds, not a first boot
  env = serverEnv(db.env, {
    CRM_TEST_PASSWORD: PASSWORD,
    CRM_TEST_STAFF: JSON.stringify([{ username: 'admin', role: 'admin' }, ...OWNERS.map((u) => ({ username: u, role: 'sales' }))]),
  });
  await boot();
  const staff = await admin.get(`/api/crm/staff?${listQuery({ range: [0, 99] })}`);
  for (const s of staff.body) ownerId[s.username] = s.id;
  for (let i = 0; i < COUNT; i += 20) {
    const made = await Promise.all(Array.from({ length: Math.min(20, COUNT - i) }, (_, k) => admin.post('/api/crm/leads', { subject: `崩溃测试线索 ${i + k}` })));
    for (const m of made) { expect(m.status).toBe(201); ids.push(m.body.id); }
  }
}, 180000);
afterAll(async () => {
  await server?.kill();
  await db?.drop();
});

describe(`SIGKILL during a bulk assignment of ${COUNT} leads (${usesPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let duration = 0;
  let current = 0; // index into OWNERS of whoever holds the leads

  it('an uninterrupted bulk assignment moves all of them (and times it)', async () => {
    const t0 = Date.now();
    const res = await admin.post('/api/crm/leads/assign', { ids, owner: ownerId[OWNERS[0]] });
    duration = Date.now() - t0;
    expect(res.status).toBe(200);
    const s = await state();
    expect(s.leads.filter((l) => l.owner === ownerId[OWNERS[0]])).toHaveLength(COUNT);
    expect(mismatches(s)).toEqual([]);
    console.log(`[crash] uninterrupted assign of ${COUNT}: ${duration} ms`);
  });

  it(`all or nothing at ${POINTS} seeded kill points, with the audit trail matching every version`, async () => {
    const rand = prng(SEED);
    const outcomes: string[] = [];
    for (let p = 0; p < POINTS; p += 1) {
      const next = (current + 1) % OWNERS.length;
      // mostly while it runs; now and then just after it answered (the other side of all-or-nothing)
      const delay = Math.round(duration * (0.05 + 1.15 * rand()));
      const sent = admin.post('/api/crm/leads/assign', { ids, owner: ownerId[OWNERS[next]] }).then((r) => r.status, () => 'no answer');
      await new Promise((r) => setTimeout(r, delay));
      await server!.kill();
      const answer = await sent;
      await boot();
      const s = await state();
      const onNew = s.leads.filter((l) => l.owner === ownerId[OWNERS[next]]).length;
      const onOld = s.leads.filter((l) => l.owner === ownerId[OWNERS[current]]).length;
      outcomes.push(`kill at ${delay} ms (answer: ${answer}): ${onNew === COUNT ? 'all moved' : onOld === COUNT ? 'none moved' : `SPLIT ${onNew}/${onOld}`}`);
      expect([p, s.leads.length]).toEqual([p, COUNT]);
      expect([p, onNew === COUNT || onOld === COUNT]).toEqual([p, true]);
      expect([p, mismatches(s)]).toEqual([p, []]);
      if (answer === 200) expect([p, onNew]).toEqual([p, COUNT]);
      if (onNew === COUNT) current = next;
    }
    console.log(`[crash] ${outcomes.join('; ')}`);
  });
});
