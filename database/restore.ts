// Restores a backup made by backup.ts into a database, for a fresh install or disaster recovery:
//   npx tsx database/restore.ts FILE [--database-url URL | --sqlite DB_FILE] [--force]
// PostgreSQL (a pg_dump -Fc file): creates the target database if it does not exist, then
// `pg_restore --no-owner --no-acl`, all in one transaction. SQLite (a .backup() file): copies it
// to the target file. Stop the server first. A target that already holds tables is refused
// unless --force (PostgreSQL: drop what the dump holds first; SQLite: replace the file).
import fs from 'fs';
import { Client } from 'pg';
import { formatOf, pgTool, run, safeUrl, targetOf } from './common';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--database-url', '--sqlite'].includes(args[i - 1]));
  if (!file || !fs.existsSync(file)) throw new Error(`usage: restore.ts FILE [--database-url URL | --sqlite DB_FILE] [--force]${file ? ` (no file ${file})` : ''}`);
  const force = args.includes('--force');
  const target = targetOf(args);
  const format = formatOf(file);
  if (format !== target.kind) throw new Error(`${file} is a ${format} backup; the target is ${target.kind}`);
  const t0 = Date.now();
  if (target.kind === 'postgres') {
    const url = new URL(target.url);
    const name = decodeURIComponent(url.pathname.slice(1));
    const admin = new URL(target.url);
    admin.pathname = '/postgres';
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
      if (!exists) {
        console.error(`[restore] creating database ${name}`);
        await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      }
    } finally {
      await c.end();
    }
    const t = new Client({ connectionString: target.url });
    await t.connect();
    const tables = Number((await t.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].count);
    await t.end();
    if (tables && !force) throw new Error(`${safeUrl(target.url)} already holds ${tables} tables; restore into a fresh database or pass --force`);
    console.error(`[restore] pg_restore ${file} → ${safeUrl(target.url)}`);
    run(pgTool('pg_restore'), ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', ...(tables ? ['--clean', '--if-exists'] : []), '-d', target.url, file]);
  } else {
    if (fs.existsSync(target.file) && fs.statSync(target.file).size > 0 && !force) {
      throw new Error(`${target.file} exists; restore into a new file or pass --force (stop the server first)`);
    }
    console.error(`[restore] SQLite ${file} → ${target.file}`);
    for (const f of [`${target.file}-wal`, `${target.file}-shm`, `${target.file}-journal`]) fs.rmSync(f, { force: true });
    const tmp = `${target.file}.restoring`;
    fs.copyFileSync(file, tmp);
    fs.renameSync(tmp, target.file);
  }
  console.error(`[restore] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`[restore] ${e.message}`);
  process.exit(1);
});
