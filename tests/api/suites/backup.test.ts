// Backup and restore: seed records and their audit trail, back up the live database with
// `database/backup.ts` (pg_dump -Fc on PostgreSQL, better-sqlite3's .backup() on SQLite), drop
// the original, restore with `database/restore.ts` into a FRESH database, boot the app on it and
// find every record of every resource and every audit event, field for field; staff still log in.
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { bootApp, type TestApp } from '../../helpers/app';
import { freshDatabase, usesPostgres } from '../../helpers/database';
import { listAll, MARK, seedSuiteOrg, type SuiteOrg } from '../../helpers/suite-org';
import { ROOT, TMP } from '../../../scripts/lib/paths';

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** runs one of the database/ scripts as an operator would, with the server's environment */
function script(name: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(tsx, [path.join(ROOT, 'database', name), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

let app: TestApp | undefined;
let org: SuiteOrg;
/** resource → every record as admin read it before the backup */
const snapshot: Record<string, any[]> = {};
let backupFile = '';
let env: Record<string, string>;

beforeAll(async () => {
  app = await bootApp();
  org = await seedSuiteOrg(app);
  // some history beyond creates: a win, an assignment, a claim
  const opp = (await listAll(org.as.salesA, 'opportunities'))[0];
  await org.as.salesA.post(`/api/crm/opportunities/${opp.id}/win`, {}).expect(200);
  const lead = (await listAll(org.as.salesA, 'leads'))[0];
  await org.as.mgrA.post('/api/crm/leads/assign', { ids: [lead.id], owner: org.uid.mgrA }).expect(200);
  const pool = (await listAll(org.as.salesB, 'customers')).find((c) => c.inPool);
  await org.as.salesB.post(`/api/crm/customers/${pool.id}/claim`, {}).expect(200);
  for (const resource of Object.keys(org.resources)) if (org.resources[resource].includes('list')) snapshot[resource] = await listAll(org.as.admin, resource);
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('DATABASE_'))) as Record<string, string>;
}, 120000);
afterAll(async () => {
  await app?.stop();
  if (backupFile) fs.rmSync(backupFile, { force: true });
});

describe(`backup and restore (${usesPostgres() ? 'PostgreSQL: pg_dump -Fc / pg_restore' : 'SQLite: .backup() / copy'})`, () => {
  it('backs up the live database into one file', () => {
    const file = path.join(TMP, 'backups', `test-${process.pid}.${usesPostgres() ? 'dump' : 'db'}`);
    const r = script('backup.ts', [file], env);
    expect([r.status, r.err]).toEqual([0, expect.stringContaining('done')]);
    expect(r.out).toBe(file);
    backupFile = file;
    expect(fs.statSync(file).size).toBeGreaterThan(10000);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe(usesPostgres() ? 'PGDMP' : 'SQLit');
  });

  it('restores into a fresh database; the app boots on it with every record and audit event', async () => {
    const before = app!;
    app = undefined;
    await before.stop(); // drops the original database: only the backup is left
    const fresh = await freshDatabase();
    const r = script('restore.ts', [backupFile], fresh.env);
    expect([r.status, r.err]).toEqual([0, expect.stringContaining('done')]);
    // restoring again over the now non-empty target is refused without --force
    const again = script('restore.ts', [backupFile], fresh.env);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/--force/);

    app = await bootApp({ database: fresh });
    const admin = await app.as('admin'); // staff and their passwords came back too
    const counts: Record<string, [number, number]> = {};
    for (const [resource, rows] of Object.entries(snapshot)) {
      const now = await listAll(admin, resource);
      counts[resource] = [rows.length, now.length];
      expect([resource, now]).toEqual([resource, rows]);
    }
    console.log(`[backup] records before → after restore: ${JSON.stringify(counts)}`);
    expect(snapshot['audit-events'].length).toBeGreaterThan(30);
    expect(snapshot['audit-events'].some((e) => e.action === 'claim')).toBe(true);
    // and the restored database keeps working: a write bumps the version and adds an event
    const lead = snapshot.leads.find((l) => String(l.subject).startsWith(MARK))!;
    const sales = await app.as('salesA');
    const mine = (await sales.get(`/api/crm/leads/${lead.id}`)).status === 200 ? sales : admin;
    const put = await mine.put(`/api/crm/leads/${lead.id}`, { ...lead, description: '恢复后编辑' }).expect(200);
    expect(put.body.version).toBe(lead.version + 1);
    const created = await admin.post('/api/crm/leads', { subject: '恢复后新建' }).expect(201);
    expect(created.body.id).toBeGreaterThan(Math.max(...snapshot.leads.map((l) => l.id)));
  });
});
