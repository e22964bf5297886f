// Refills every search token table (backend/src/crm/search-tokens.ts) from its records, in the
// bulk-load order: indexes dropped, table emptied, one INSERT … SELECT, indexes rebuilt. The fill
// statements are the ones the server wrote at boot (crm_search_sources), so this knows no resource.
// For loads that bypass the write paths (database/generate.ts, a restore of records alone).
//   npx tsx database/search-tokens.ts --database-url postgres://…/db
import { Client } from 'pg';

export async function refillSearchTokens(client: Client, log: (s: string) => void = () => {}) {
  const has = await client.query(`SELECT 1 FROM pg_class WHERE relname = 'crm_search_sources'`);
  if (!has.rowCount) return;
  const { rows } = await client.query('SELECT tbl, fill, indexes FROM crm_search_sources ORDER BY tbl');
  // tens of millions of tokens at a million records: sort them for the index in memory
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const s of rows as { tbl: string; fill: string; indexes: { name: string; sql: string }[] | string }[]) {
    const t0 = Date.now();
    // jsonb arrives as text where a loaded Strapi has replaced pg's type parser
    const indexes: { name: string; sql: string }[] = typeof s.indexes === 'string' ? JSON.parse(s.indexes) : s.indexes;
    for (const i of indexes) await client.query(`DROP INDEX IF EXISTS "${i.name}"`);
    await client.query(`TRUNCATE "${s.tbl}"`);
    const { rowCount } = await client.query(s.fill);
    for (const i of indexes) await client.query(i.sql);
    await client.query(`VACUUM ANALYZE "${s.tbl}"`);
    log(`[search tokens] ${s.tbl}: ${rowCount} tokens in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--database-url');
  const url = i >= 0 ? args[i + 1] : process.env.DATABASE_URL;
  if (!url) throw new Error('--database-url postgres://… is required');
  const client = new Client({ connectionString: url });
  client.connect().then(() => refillSearchTokens(client, (s) => console.error(s))).then(() => client.end(), (e) => { console.error(e); process.exit(1); });
}
