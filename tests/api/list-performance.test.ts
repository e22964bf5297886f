// The big lists read by index (issue #16). On PostgreSQL: tens of thousands of generated records
// (database/generate.ts, analyzed), every list page the UI asks for — leads, customers,
// opportunities, interactions; admin, manager, consultant; no filter, status, two fields, a custom
// field, a 2- and a 3-character Chinese `q` — has its exact total (the same as a hand-written
// count), and neither the page nor the look-up of its related ids reads a big table (50,000 rows
// or more) or its link tables by a sequential scan. On SQLite (small data, no statistics): each list page is read in its sort index's order.
import { Client as Pg } from 'pg';
import { bootApp, PASSWORD, type Client, type TestApp } from '../helpers/app';
import { usesPostgres } from '../helpers/database';
import { generate } from '../../database/generate';
import { CALLERS, FILTERS, RESOURCES, bestSql, cases, label, ourPath, type Caller, type Visible } from '../../scripts/bench/cases';

// a table that is big here (a link table the generator leaves nearly empty may be scanned)
const BIG = /(?:Seq Scan|Parallel Seq Scan) on ((?:leads|customers|opportunities|interactions)\w*)/;
const TABLES = /"(leads|customers|opportunities|interactions)\w*"/;
const SCALE = Number(process.env.CRM_TEST_LIST_SCALE ?? 0.05); // 50,000 leads, 100,000 interactions
// Below this many rows a sequential scan is what PostgreSQL should choose (10,000 customers fit in
// a few pages); the rule is about the tables that grow to millions.
const BIG_ROWS = 50000;

let app: TestApp;
const clients = {} as Record<Caller, Client>;
const queries: { sql: string; bindings: unknown[] }[] = [];
const capture = (q: any) => queries.push({ sql: q.sql, bindings: q.bindings ?? [] });

/** Runs one request and returns the SELECTs it sent, with their bindings. */
async function selectsOf(run: () => Promise<unknown>) {
  queries.length = 0;
  await run();
  return queries.filter((q) => /^\s*select/i.test(q.sql)).map((q) => ({ ...q }));
}

if (usesPostgres()) {
  describe('big lists on PostgreSQL', () => {
    const vis = {} as Record<Caller, Visible>;
    let pg: Pg;
    const rowsOf = async (table: string) => Number((await pg.query('SELECT reltuples FROM pg_class WHERE relname = $1', [table])).rows[0]?.reltuples ?? 0);

    beforeAll(async () => {
      const first = await bootApp();
      const url = first.database.env.DATABASE_URL;
      pg = new Pg({ connectionString: url });
      await pg.connect();
      const bcrypt = require('bcryptjs');
      const data = await generate(pg, { scale: SCALE, passwordHash: await bcrypt.hash(PASSWORD, 4) });
      // reboot on the filled database: the boot creates the custom field's index like in production
      await first.stop({ keepDatabase: true });
      app = await bootApp({ database: first.database });
      app.strapi.db.connection.on('query', capture);
      const users = { admin: data.staff.admin, manager: data.staff.manager, consultant: data.staff.consultant };
      for (const c of CALLERS) clients[c] = await app.as(users[c]);
      for (const c of CALLERS) {
        const { rows: [u] } = await pg.query(
          `SELECT u.id, r.type, d.department_id FROM up_users u JOIN up_users_role_lnk l ON l.user_id = u.id JOIN up_roles r ON r.id = l.role_id
           LEFT JOIN up_users_department_lnk d ON d.user_id = u.id WHERE u.username = $1`, [users[c]]);
        if (u.type === 'admin') vis[c] = { all: true };
        else if (u.type === 'sales') vis[c] = { all: false, ids: [u.id], pool: true };
        else {
          const { rows } = await pg.query(
            `WITH RECURSIVE sub(id) AS (SELECT $1::int UNION SELECT p.department_id FROM departments_parent_lnk p JOIN sub ON p.inv_department_id = sub.id)
             SELECT user_id FROM up_users_department_lnk WHERE department_id IN (SELECT id FROM sub)`, [u.department_id]);
          vis[c] = { all: false, ids: rows.map((x) => x.user_id), pool: true };
        }
      }
    }, 600000);

    afterAll(async () => {
      await pg?.end();
      await app?.stop();
    });

    test('every list page has its exact total and reads the big tables by index only', async () => {
      const seq: string[] = [];
      const wrong: string[] = [];
      for (const c of cases(RESOURCES, CALLERS, FILTERS)) {
        let res: any;
        const selects = await selectsOf(async () => { res = await clients[c.caller].get(ourPath(c)); });
        expect(res.status).toBe(200);
        const total = Number(String(res.headers['content-range']).split('/')[1]);
        const sql = bestSql(c, vis[c.caller], { tokens: false });
        const { rows: [{ n }] } = await pg.query(sql.count, sql.params);
        if (total !== n) wrong.push(`${label(c)}: ${total} ≠ ${n}`);
        expect(res.body.length).toBe(Math.min(25, n));
        for (const q of selects) {
          // the page (sorted, limited) and the look-ups of its related ids; the exact count of
          // a filter matching most of a table is cheapest as a scan, and the planner knows it
          if (!TABLES.test(q.sql) || /^\s*select count/i.test(q.sql)) continue;
          const plan = (await pg.query(`EXPLAIN ${q.sql}`, q.bindings)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
          const hit = BIG.exec(plan);
          if (hit && (await rowsOf(hit[1])) >= BIG_ROWS) seq.push(`${label(c)}: ${hit[0]} in ${q.sql.slice(0, 160)}\n${plan}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(seq).toEqual([]);
    }, 600000);

    test('a 2- or 3-character q on leads, customers and opportunities reads its page and its total from the token index alone', async () => {
      const bad: string[] = [];
      for (const c of cases(RESOURCES.filter((r) => ['leads', 'customers', 'opportunities'].includes(r.name)), CALLERS, ['q2', 'q3', 'rare'])) {
        const tokens = `${c.resource.table}_search_tokens`;
        const selects = await selectsOf(() => clients[c.caller].get(ourPath(c)).expect(200));
        const token = selects.filter((q) => q.sql.toLowerCase().includes(`from "${tokens}"`));
        // the page's ids and the count, nothing else read for them
        if (token.length !== 2) bad.push(`${label(c)}: ${token.length} token queries`);
        if (selects.some((q) => /count\(/i.test(q.sql) && q.sql.toLowerCase().includes(`from "${c.resource.table}"`))) bad.push(`${label(c)}: counts the ${c.resource.table}`);
        for (const q of token) {
          const plan = (await pg.query(`EXPLAIN ${q.sql}`, q.bindings)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
          if (!plan.includes(`Index Only Scan using ${tokens}_page`) || /Seq Scan|Sort/.test(plan.replace(/Sort Key/g, ''))) bad.push(`${label(c)}: ${q.sql}\n${plan}`);
        }
      }
      expect(bad).toEqual([]);
    }, 120000);

    test('an unfiltered total is exact without counting the table, through creates and deletes', async () => {
      const total = async () => {
        const res = await clients.admin.get('/api/crm/leads?range=[0,0]').expect(200);
        return Number(String(res.headers['content-range']).split('/')[1]);
      };
      const counted = async () => Number((await pg.query('SELECT count(*) AS n FROM leads')).rows[0].n);
      let selects = await selectsOf(total);
      expect(selects.filter((q) => /count\(/i.test(q.sql) && /from "leads"/i.test(q.sql))).toEqual([]);
      const before = await total();
      expect(before).toBe(await counted());
      const made = [];
      for (const subject of ['计数一', '计数二']) made.push((await clients.admin.post('/api/crm/leads', { subject }).expect(201)).body.id);
      expect(await total()).toBe(before + 2);
      await clients.admin.del(`/api/crm/leads/${made[0]}`).expect(200);
      expect(await total()).toBe(before + 1);
      expect(await total()).toBe(await counted());
      // a manager's totals, unfiltered and by status, are counted in the owner copy's index alone
      // (crm/relation-copy.ts): no row of leads is read
      for (const filter of [{}, { status: 'active' }]) {
        selects = await selectsOf(() => clients.manager.get(`/api/crm/leads?range=[0,0]&filter=${encodeURIComponent(JSON.stringify(filter))}`).expect(200));
        const counts = selects.filter((q) => /count\(/i.test(q.sql) && /from "leads"/i.test(q.sql));
        expect(counts).toHaveLength(1);
        const plan = (await pg.query(`EXPLAIN ${counts[0].sql}`, counts[0].bindings)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index Only Scan using leads_owner_key_/);
        expect(plan).not.toMatch(/Seq Scan|Heap Scan/);
      }
      // a filtered list still counts its rows
      selects = await selectsOf(() => clients.admin.get(`/api/crm/leads?filter=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`).expect(200));
      expect(selects.some((q) => /count\(/i.test(q.sql))).toBe(true);
    }, 120000);
  });
} else {
  describe('big lists on SQLite', () => {
    beforeAll(async () => {
      app = await bootApp();
      await app.staff('lpadmin', 'admin');
      clients.admin = await app.as('lpadmin');
      app.strapi.db.connection.on('query', capture);
    }, 120000);
    afterAll(async () => app?.stop());

    test('each list page is read in its sort index order, not sorted afterwards', async () => {
      const sorted: string[] = [];
      for (const c of cases(RESOURCES, ['admin'], ['none', 'status'])) {
        const selects = await selectsOf(async () => expect((await clients.admin.get(ourPath(c))).status).toBe(200));
        const page = selects.find((q) => /order by/i.test(q.sql) && new RegExp(`from \`${c.resource.table}\``, 'i').test(q.sql));
        expect(page).toBeDefined();
        const plan = (await app.strapi.db.connection.raw(`EXPLAIN QUERY PLAN ${page!.sql}`, page!.bindings)).map((r: any) => r.detail).join('\n');
        if (/TEMP B-TREE FOR ORDER BY/.test(plan) || !/USING (COVERING )?INDEX/.test(plan)) sorted.push(`${label(c)}:\n${plan}`);
      }
      expect(sorted).toEqual([]);
    });
  });
}
