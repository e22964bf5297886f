// A fresh database: a new SQLite file, or a new PostgreSQL database when TEST_DATABASE=postgres
// (or DATABASE_URL) says so. The tests take one per file; dropped after.
// `template: true` copies the template the tests' global setup prepared (CRM_TEST_TEMPLATE: a
// database the app has booted on once, schema synced and shipped configuration loaded), which
// saves a file the 12–18 s first boot; without a template, or `template: false`, it is empty.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { TMP } from '../../scripts/lib/paths';

export interface TestDatabase {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

export const usesPostgres = () =>
  process.env.TEST_DATABASE === 'postgres' || !!process.env.DATABASE_URL || process.env.DATABASE_CLIENT === 'postgres';

function adminUrl() {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = '/postgres';
  return url;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl().toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const sqliteFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

export async function freshDatabase(opts: { template?: boolean } = {}): Promise<TestDatabase> {
  const tag = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const wanted = opts.template ? process.env.CRM_TEST_TEMPLATE : undefined;
  const template = wanted && wanted !== 'off' ? wanted : undefined;
  if (usesPostgres()) {
    const name = `crm_test_${tag}`;
    await admin(async (c) => {
      // CREATE DATABASE … TEMPLATE refuses while another session copies the same template; retry.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    });
    const url = adminUrl();
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => dropPostgres(name),
    };
  }
  const dir = path.join(TMP, 'test-db');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tag}.db`);
  if (template) {
    const to = sqliteFiles(file);
    sqliteFiles(template).forEach((from, i) => fs.existsSync(from) && fs.copyFileSync(from, to[i]));
  }
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const f of sqliteFiles(file)) fs.rmSync(f, { force: true });
    },
  };
}

export const dropPostgres = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);

/** The template's name (PostgreSQL) or file (SQLite) for `env`'s database, to pass as CRM_TEST_TEMPLATE. */
export function templateOf(db: TestDatabase): string {
  return db.env.DATABASE_URL ? new URL(db.env.DATABASE_URL).pathname.slice(1) : db.env.DATABASE_FILENAME;
}
