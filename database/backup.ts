// Backs up the CRM database to one file, online (the server may keep running):
//   npx tsx database/backup.ts [FILE] [--database-url URL | --sqlite DB_FILE]
// PostgreSQL: `pg_dump -Fc` (custom format: compressed, restorable with pg_restore).
// SQLite: better-sqlite3's online `.backup()` API, a consistent copy even while the server writes.
// Without FILE it writes .tmp/backups/crm-<database>-<timestamp>.(dump|db). Prints the file.
import fs from 'fs';
import path from 'path';
import { ROOT, pgTool, run, safeUrl, targetOf } from './common';

async function main() {
  const args = process.argv.slice(2);
  const target = targetOf(args);
  const positional = args.filter((a, i) => !a.startsWith('--') && !['--database-url', '--sqlite'].includes(args[i - 1]));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(positional[0] ?? path.join(ROOT, '.tmp', 'backups', `crm-${target.kind}-${stamp}.${target.kind === 'postgres' ? 'dump' : 'db'}`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = Date.now();
  if (target.kind === 'postgres') {
    console.error(`[backup] pg_dump ${safeUrl(target.url)} → ${file}`);
    run(pgTool('pg_dump'), ['-Fc', '--no-owner', '--no-acl', '-d', target.url, '-f', file]);
  } else {
    if (!fs.existsSync(target.file)) throw new Error(`no SQLite database at ${target.file}`);
    console.error(`[backup] SQLite ${target.file} → ${file}`);
    const Database = require('better-sqlite3');
    const db = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
  }
  console.error(`[backup] done in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
  console.log(file);
}

main().catch((e) => {
  console.error(`[backup] ${e.message}`);
  process.exit(1);
});
