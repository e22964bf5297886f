// A benchmark database: a new PostgreSQL database, booted on once by the real server (so Strapi
// creates its schema and seeds its roles, stages…), then filled by database/generate.ts.
// `--database-url` reuses one filled earlier (the generated staff are there already).
import { Client } from 'pg';
import { generate, RARE_WORD, type Generated } from '../../database/generate';
import { serverEnv, startServer } from '../../tests/helpers/child';

export const BENCH_PASSWORD = 'bench-pass-2026';

const adminUrl = () => {
  const u = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return u;
};

export async function prepareDatabase(opts: { scale: number; url?: string; log: (s: string) => void }): Promise<{ url: string; data: Generated; created: boolean }> {
  let url = opts.url;
  let created = false;
  if (!url) {
    const name = `crm_bench_${String(opts.scale).replace('.', '_')}_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: adminUrl().toString() });
    await admin.connect();
    // pg_trgm extracts no trigrams from Chinese under LC_CTYPE C: ask for a UTF-8 aware one
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    const u = adminUrl();
    u.pathname = `/${name}`;
    url = u.toString();
    created = true;
    opts.log(`[bench] new database ${name}: booting the server once for its schema`);
    // a first boot creates the whole schema: minutes on a loaded machine
    const server = await startServer(serverEnv({ DATABASE_CLIENT: 'postgres', DATABASE_URL: url }, { CRM_JOBS: 'false' }), 900000);
    await server.stop();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const has = await client.query(`SELECT username FROM up_users WHERE username = 'bench_admin1'`);
    let data: Generated;
    if (has.rowCount) {
      const count = async (t: string) => Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
      data = {
        counts: { leads: await count('leads'), customers: await count('customers'), opportunities: await count('opportunities'), interactions: await count('interactions') },
        staff: { admin: 'bench_admin1', manager: 'bench_mgr1', consultant: 'bench_sales01', managerTeam: 11 },
        words: { frequent: '别墅', rare: RARE_WORD, three: '学区房' },
        seconds: 0,
      };
      opts.log(`[bench] reusing ${url}: ${JSON.stringify(data.counts)}`);
    } else {
      const bcrypt = require('bcryptjs');
      data = await generate(client, { scale: opts.scale, passwordHash: await bcrypt.hash(BENCH_PASSWORD, 10), log: opts.log });
      opts.log(`[bench] generated ${JSON.stringify(data.counts)} in ${data.seconds.toFixed(0)} s`);
    }
    return { url, data, created };
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

// `npx tsx scripts/bench/data.ts --scale 1`: make a filled database and print its URL.
if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--scale');
  prepareDatabase({ scale: i >= 0 ? Number(args[i + 1]) : 1, log: (s) => console.error(s) })
    .then((r) => console.log(r.url))
    .catch((e) => { console.error(e); process.exit(1); });
}
