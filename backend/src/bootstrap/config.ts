// Loads the shipped configuration (the `seed` each resource declares: config/pipeline.json,
// config/settings.json) into its resource on first start: each is filled only while it is empty,
// so what an admin changed at run time is never overwritten.
import type { Core } from '@strapi/strapi';
import { readConfig } from '../crm/roles';
import { resources } from '../crm/registry';

export async function loadShippedConfig(strapi: Core.Strapi) {
  const root = strapi.dirs.app.root;
  const filled: string[] = [];
  for (const def of resources()) {
    if (!def.seed || (await strapi.db.query(def.uid as any).count())) continue;
    const value = readConfig<Record<string, unknown>>(root, def.seed.file)[def.seed.key];
    const rows = def.seed.rows ? def.seed.rows(value) : ((value ?? []) as Record<string, unknown>[]);
    // One transaction per resource: one commit instead of one per row, and all of it or none.
    await strapi.db.transaction(async () => {
      for (const data of rows) await strapi.documents(def.uid as any).create({ data } as any);
    });
    filled.push(def.name);
  }
  return filled;
}
