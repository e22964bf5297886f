// A dispatcher killed mid-batch and restarted loses nothing and sends nothing twice. The real
// server in a child process on a fresh database queues a holiday greeting by SMS for 50
// customers and dispatches them to a loopback SMS gateway (SMS_PROVIDER=webhook) that answers
// slowly; the gateway SIGKILLs the server while it holds the 10th request, unanswered: that
// message reached the provider but its outcome was never recorded. After a restart (the lease
// shortened to seconds by CRM_DISPATCH_LEASE_MS) dispatch reclaims the rows of the dead worker
// and sends the rest. Semantics (README "Outbox"): at least once per row, at most once more for a
// send in flight at the crash, with the same Idempotency-Key, so a gateway that honours the key
// delivers each message exactly once — which is what this gateway does, as a real one would.
import http from 'http';
import type { AddressInfo } from 'net';
import { freshDatabase, type TestDatabase } from '../../helpers/database';
import { login, serverEnv, startServer, type ChildClient, type ChildServer } from '../../helpers/child';
import { listQuery } from '../../helpers/app';

const COUNT = 50;
const KILL_AT = 10;
const PASSWORD = 'dispatch-pass-2026';
const LEASE_MS = 4000;
/** a child's boot (generous: the machine may be loaded) */
const BOOT_MS = 480000;

interface Call { key: string; to: string; body: string }

let db: TestDatabase;
let env: Record<string, string>;
let server: ChildServer | undefined;
let admin: ChildClient;
let gateway: http.Server;
const calls: Call[] = [];
/** what the gateway delivered: one per idempotency key, answering the same id for a repeat */
const delivered = new Map<string, { id: string; to: string }>();
let onCall: (n: number) => Promise<boolean> = async () => false;

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const body = JSON.parse(raw);
      const key = String(req.headers['idempotency-key'] ?? '');
      calls.push({ key, to: body.to, body: body.body });
      // the provider takes the message now; the answer is what may never reach the sender
      if (!delivered.has(key)) delivered.set(key, { id: `gw-${delivered.size + 1}`, to: body.to });
      if (await onCall(calls.length)) return; // killed while holding this request: no answer
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: delivered.get(key)!.id }));
      }, 100);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  db = await freshDatabase({ template: true });
  env = serverEnv(db.env, {
    CRM_JOBS: 'false', CRM_TEST_PASSWORD: PASSWORD, CRM_TEST_STAFF: JSON.stringify([{ username: 'admin', role: 'admin' }]),
    SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`, SMS_SIGN: '滨江地产',
    CRM_DISPATCH_LEASE_MS: String(LEASE_MS),
  });
  server = await startServer(env, BOOT_MS);
  admin = await login(server.base, 'admin', PASSWORD);
});
afterAll(async () => {
  await server?.kill();
  await db?.drop();
  await new Promise((resolve) => gateway?.close(resolve));
});

const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
  const res = await p;
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const messages = async () => {
  const out: any[] = [];
  for (let start = 0; ; start += 100) {
    const page = await ok(admin.get(`/api/crm/messages?${listQuery({ filter: { channel: 'sms' }, sort: ['id', 'ASC'], range: [start, start + 99] })}`));
    out.push(...page);
    if (page.length < 100) return out;
  }
};

it('queues 50 SMS, dies holding the 10th send, and after the lease sends each message exactly once', async () => {
  // no quiet hours and no hourly cap in the way, whatever time the test runs at
  for (const [key, value] of [['quietHours', { from: '00:00', to: '00:00' }], ['hourlyCap', { sms: 100000, email: 100000 }]] as const) {
    const row = (await ok(admin.get(`/api/crm/settings?${listQuery({ filter: { key } })}`)))[0];
    await ok(admin.put(`/api/crm/settings/${row.id}`, { ...row, value: JSON.stringify(value) }));
  }
  const mobiles = Array.from({ length: COUNT }, (_, i) => `1390000${String(2000 + i)}`);
  for (const [i, mobile] of mobiles.entries()) await ok(admin.post('/api/crm/customers', { name: `客户${i}`, mobile, level: 'A' }), 201);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await ok(admin.post('/api/crm/holidays', { date: today, name: '店庆' }), 201);
  expect((await ok(admin.post('/api/crm/jobs/greetings/run'))).counts).toMatchObject({ queued: COUNT });
  expect((await messages()).map((m) => m.status)).toEqual(Array(COUNT).fill('queued'));

  // dispatch; the gateway kills the server while it holds the 10th request
  let killed!: () => void;
  const dead = new Promise<void>((resolve) => { killed = resolve; });
  onCall = async (n) => {
    if (n !== KILL_AT) return false;
    await server!.kill();
    killed();
    return true;
  };
  const run = admin.post('/api/crm/jobs/dispatch/run').catch((e) => e); // its connection dies with the server
  await dead;
  await run;
  onCall = async () => false;
  expect(calls).toHaveLength(KILL_AT);
  const inFlight = calls[KILL_AT - 1].key;

  // restart on the same database; the dead worker's claims run out after the lease
  server = await startServer(env, BOOT_MS);
  admin = await login(server.base, 'admin', PASSWORD);
  const before = await messages();
  expect(before.filter((m) => m.status === 'sent')).toHaveLength(KILL_AT - 1); // the held one was never recorded
  await new Promise((r) => setTimeout(r, LEASE_MS + 500));
  for (let i = 0; i < 5 && (await messages()).some((m) => m.status === 'queued'); i++) await ok(admin.post('/api/crm/jobs/dispatch/run'));

  const after = await messages();
  expect(after.map((m) => m.status)).toEqual(Array(COUNT).fill('sent'));
  // nothing lost: every customer's message reached the gateway and was delivered once
  expect([...delivered.values()].map((d) => d.to).sort()).toEqual([...mobiles].sort());
  // nothing duplicated but the one send in flight at the kill, resent once with the same key
  const perKey = new Map<string, number>();
  for (const c of calls) perKey.set(c.key, (perKey.get(c.key) ?? 0) + 1);
  expect(perKey.size).toBe(COUNT);
  expect([...perKey.entries()].filter(([, n]) => n > 1)).toEqual([[inFlight, 2]]);
  expect(calls).toHaveLength(COUNT + 1);
  // each row's key is its own and its provider id is the one the gateway gave that key
  expect(new Set(after.map((m) => `crm-message-${m.id}`))).toEqual(new Set(perKey.keys()));
  expect(after.every((m) => m.providerId === delivered.get(`crm-message-${m.id}`)!.id)).toBe(true);
  // a claim counts an attempt: the dead worker's claims count, the first nine sent at once
  expect(after.map((m) => m.attempts).slice(0, KILL_AT - 1)).toEqual(Array(KILL_AT - 1).fill(1));
  expect(after.every((m) => m.attempts <= 2)).toBe(true);
}, 1500000);
