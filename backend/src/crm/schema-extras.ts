// DDL the content types cannot declare (partial unique indexes, expression and trigram indexes),
// kept as reviewable SQL under the top-level database/indexes/ and applied at every boot after
// Strapi's schema sync, which leaves indexes it did not create alone. Statements are idempotent
// (IF NOT EXISTS); `<name>.sql` runs on both databases, `<name>.postgres.sql` / `<name>.sqlite.sql`
// on one.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

export const databaseDir = (appRoot: string) => process.env.CRM_DATABASE_DIR ?? path.resolve(appRoot, '..', 'database');

/** The statements for `dialect`, in file order. Pure apart from reading the folder. */
export function extraStatements(dir: string, dialect: 'postgres' | 'sqlite'): { file: string; sql: string }[] {
  if (!fs.existsSync(dir)) return [];
  const other = dialect === 'postgres' ? '.sqlite.sql' : '.postgres.sql';
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith(other)).sort().flatMap((file) =>
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n').filter((l) => !l.trim().startsWith('--')).join('\n')
      .split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean)
      .map((sql) => ({ file, sql })),
  );
}

export async function applySchemaExtras(strapi: Core.Strapi) {
  const dialect = strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
  for (const { file, sql } of extraStatements(path.join(databaseDir(strapi.dirs.app.root), 'indexes'), dialect)) {
    try {
      await strapi.db.connection.raw(sql);
    } catch (e: any) {
      // An install whose data breaks a new guarantee (duplicates made before it) keeps running on
      // the write rules' own checks; the log says which statement to fix the data for.
      strapi.log.error(`[crm] database/indexes/${file}: ${e?.message ?? e}`);
    }
  }
}
