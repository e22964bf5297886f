// Shared by backup.ts and restore.ts: which database (the server's own environment variables),
// and where PostgreSQL's client programs live.
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';

export const ROOT = path.resolve(__dirname, '..');

export type Target = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

/** `--database-url URL` / `--sqlite FILE`, else DATABASE_URL / DATABASE_FILENAME as the server reads them. */
export function targetOf(args: string[]): Target {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const url = flag('--database-url') ?? (flag('--sqlite') ? undefined : process.env.DATABASE_URL);
  if (url) return { kind: 'postgres', url };
  if (!flag('--sqlite') && process.env.DATABASE_CLIENT === 'postgres') {
    const e = process.env;
    const u = new URL(`postgres://${e.DATABASE_HOST ?? '127.0.0.1'}:${e.DATABASE_PORT ?? 5432}/${e.DATABASE_NAME ?? 'crm'}`);
    u.username = e.DATABASE_USERNAME ?? 'postgres';
    if (e.DATABASE_PASSWORD) u.password = e.DATABASE_PASSWORD;
    return { kind: 'postgres', url: u.toString() };
  }
  // the server resolves a relative DATABASE_FILENAME from backend/
  const file = flag('--sqlite') ?? (process.env.DATABASE_FILENAME ? path.resolve(ROOT, 'backend', process.env.DATABASE_FILENAME) : path.join(ROOT, '.tmp', 'data.db'));
  return { kind: 'sqlite', file: path.resolve(file) };
}

/** `pg_dump` / `pg_restore`: PG_BIN, then PATH, then the newest /usr/lib/postgresql/<n>/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return path.join(process.env.PG_BIN, name);
  const lib = '/usr/lib/postgresql';
  const versions = fs.existsSync(lib) ? fs.readdirSync(lib).filter((v) => fs.existsSync(path.join(lib, v, 'bin', name))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length) return path.join(lib, versions[0], 'bin', name);
  if (spawnSync(name, ['--version']).status === 0) return name;
  throw new Error(`${name} not found: install the PostgreSQL client or set PG_BIN`);
}

export function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (exit ${r.status}): ${r.stderr.trim()}`);
  if (r.stderr.trim()) process.stderr.write(r.stderr);
}

/** What a backup file holds, from its first bytes. */
export function formatOf(file: string): 'postgres' | 'sqlite' | 'unknown' {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (head.toString('latin1') === 'SQLite format 3\u0000') return 'sqlite';
  return 'unknown';
}

/** The URL without its password, for messages. */
export const safeUrl = (url: string) => { const u = new URL(url); if (u.password) u.password = '***'; return u.toString(); };
