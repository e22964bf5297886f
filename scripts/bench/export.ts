// Benchmark: a 100k-row export streams with flat memory.
// `npx tsx scripts/bench/export.ts` (TEST_DATABASE=postgres for PostgreSQL; BENCH_ROWS, BENCH_FORMAT).
// Seeds BENCH_ROWS leads owned by one consultant (plain SQL: scaffolding, not business writes),
// then downloads GET /api/crm/leads/export as that consultant over a real socket, counting bytes
// without keeping them, while sampling the process's RSS (the server runs in this process).
import crypto from 'crypto';
import http from 'http';
import { ensureBuilt } from '../lib/build';
import { bootApp } from '../../tests/helpers/app';

const ROWS = Number(process.env.BENCH_ROWS ?? 100000);
const FORMATS = (process.env.BENCH_FORMAT ?? 'csv,xlsx').split(',');
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function main() {
  ensureBuilt(['backend'], { log: (s) => console.error(s) });
  const app = await bootApp({ listen: true });
  const { strapi } = app;
  const knex = strapi.db.connection;
  const sales = await app.staff('benchsales', 'sales');
  const now = new Date();
  const jt = strapi.db.metadata.get('api::lead.lead').attributes.owner.joinTable;
  const t0 = Date.now();
  for (let i = 0; i < ROWS; i += 500) {
    const rows = Array.from({ length: Math.min(500, ROWS - i) }, (_, j) => ({
      document_id: crypto.randomBytes(12).toString('hex'), created_at: now, updated_at: now, published_at: now,
      subject: `线索${i + j} 咨询滨江壹号`, source: '网络', level: 'A', lead_status: 'active', mobile: `139${String(i + j).padStart(8, '0')}`,
      target_customer: `客户${i + j}`, version: 1,
    }));
    const ids = (await knex('leads').insert(rows).returning('id')).map((r: any) => (typeof r === 'object' ? r.id : r));
    await knex(jt.name).insert(ids.map((lead: number) => ({ [jt.joinColumn.name]: lead, [jt.inverseJoinColumn.name]: sales })));
  }
  console.log(`seeded ${ROWS} leads in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const client = await app.as('benchsales');
  const port = (strapi.server.httpServer.address() as any).port;

  for (const format of FORMATS) {
    (global as any).gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const s = Date.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', path: `/api/crm/leads/export?format=${format}`, headers: { Authorization: `Bearer ${client.token}` } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        let n = 0;
        res.on('data', (b: Buffer) => { n += b.length; });
        res.on('end', () => resolve(n));
        res.on('error', reject);
      }).on('error', reject);
    });
    clearInterval(sampler);
    console.log(`${format}: ${ROWS} rows, ${mb(bytes)} in ${((Date.now() - s) / 1000).toFixed(1)} s; RSS before ${mb(base)}, peak ${mb(peak)} (+${mb(peak - base)})`);
  }
  await app.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
