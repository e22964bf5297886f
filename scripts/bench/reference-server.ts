// The two references the benchmark compares our API with, in one child process behind a bare
// node:http handler (no auth, no koa): `/stock/<resource>/<caller>/<filter>` — Strapi's Document
// Service with the filters a Strapi developer writes; `/sql/…` — the same page and exact total as
// hand-written SQL through `pg` (the physical limit). Prints `ready <port>` when listening.
import http from 'http';
import path from 'path';
import { Pool } from 'pg';
import { CALLERS, RESOURCES, bestSql, stockFilters, type BenchCase, type Caller, type FilterKind, type Visible } from './cases';

const BACKEND = path.resolve(__dirname, '..', '..', 'backend');

async function main() {
  process.chdir(BACKEND);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  await strapi.load();
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  const users = JSON.parse(process.env.BENCH_CALLERS ?? '{}') as Record<Caller, string>;
  const vis = {} as Record<Caller, Visible>;
  for (const caller of CALLERS) {
    const { rows: [u] } = await pool.query(
      `SELECT u.id, r.type, d.department_id FROM up_users u JOIN up_users_role_lnk r0 ON r0.user_id = u.id JOIN up_roles r ON r.id = r0.role_id
       LEFT JOIN up_users_department_lnk d ON d.user_id = u.id WHERE u.username = $1`, [users[caller]]);
    if (u.type === 'admin') vis[caller] = { all: true };
    else if (u.type === 'sales-manager') {
      const { rows } = await pool.query(
        `WITH RECURSIVE sub(id) AS (SELECT $1::int UNION SELECT p.department_id FROM departments_parent_lnk p JOIN sub ON p.inv_department_id = sub.id)
         SELECT DISTINCT user_id FROM up_users_department_lnk WHERE department_id IN (SELECT id FROM sub)`, [u.department_id]);
      vis[caller] = { all: false, ids: [...new Set([u.id, ...rows.map((x) => x.user_id)])], pool: true };
    } else vis[caller] = { all: false, ids: [u.id], pool: true };
  }
  // the best shape the schema allows: the owner's copy in the row where the tables have it
  const ownerCopy = (await pool.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'leads' AND column_name = 'owner_key'`)).rows.length > 0;
  const tokens = new Set((await pool.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%\\_search\\_tokens'`)).rows.map((x) => String(x.tablename).replace(/_search_tokens$/, '')));

  const server = http.createServer(async (req, res) => {
    try {
      const [, kind, resource, caller, filter] = (req.url ?? '').split('?')[0].split('/');
      const spec = RESOURCES.find((r) => r.name === resource);
      if (!spec || !vis[caller as Caller]) throw Object.assign(new Error('unknown case'), { status: 404 });
      const c: BenchCase = { resource: spec, caller: caller as Caller, filter: filter as FilterKind };
      let rows: unknown[];
      let total: number;
      if (kind === 'sql') {
        const q = bestSql(c, vis[c.caller], { tokens, ownerCopy });
        const [page, count] = await Promise.all([pool.query(q.page, q.params), pool.query(q.count, q.params)]);
        rows = page.rows;
        total = count.rows[0].n;
      } else {
        const filters = stockFilters(c, vis[c.caller]);
        if (!filters) throw Object.assign(new Error('not expressible with the Document Service'), { status: 501 });
        const docs = strapi.documents(spec.uid);
        const populate = Object.fromEntries(spec.relations.map((r) => [r.attr, { fields: ['id'] }]));
        [rows, total] = await Promise.all([
          docs.findMany({ filters, sort: [{ [spec.sort.attr]: 'desc' }, { id: 'desc' }], start: 0, limit: 25, populate }),
          docs.count({ filters }),
        ]);
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-range': `${resource} 0-${rows.length - 1}/${total}` });
      res.end(JSON.stringify(rows));
    } catch (e: any) {
      res.writeHead(e?.status ?? 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(e?.message ?? e) }));
    }
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${(server.address() as any).port}\n`));
}

main().catch((e) => {
  process.stderr.write(`[reference-server] ${e.stack || e}\n`);
  process.exit(1);
});
