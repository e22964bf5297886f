// A fresh, empty database: a new SQLite file, or a new PostgreSQL database when
// TEST_DATABASE=postgres (or DATABASE_URL) says so. The tests take one per file; dropped after.
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

export async function freshDatabase(): Promise<TestDatabase> {
  const tag = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  if (usesPostgres()) {
    const name = `crm_test_${tag}`;
    const admin = new Client({ connectionString: adminUrl().toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = adminUrl();
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: async () => {
        const c = new Client({ connectionString: adminUrl().toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = path.join(TMP, 'test-db');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tag}.db`);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    },
  };
}
