// Loads the shipped configuration (config/pipeline.json, config/settings.json) into its
// resources on first start: each resource is filled only while it is empty, so what an admin
// changed at run time is never overwritten.
import type { Core } from '@strapi/strapi';
import { readConfig } from '../crm/roles';

const PIPELINE: Record<string, string> = {
  stages: 'api::stage.stage',
  levels: 'api::level.level',
  sources: 'api::source.source',
  'close-reasons': 'api::close-reason.close-reason',
};

export async function loadShippedConfig(strapi: Core.Strapi) {
  const root = strapi.dirs.app.root;
  const pipeline = readConfig<Record<string, Record<string, unknown>[]>>(root, 'pipeline.json');
  const settings = readConfig<{ settings: Record<string, unknown> }>(root, 'settings.json').settings;
  const filled: string[] = [];
  const fill = async (name: string, uid: string, rows: Record<string, unknown>[]) => {
    if (await strapi.db.query(uid as any).count()) return;
    for (const data of rows) await strapi.documents(uid as any).create({ data } as any);
    filled.push(name);
  };
  for (const [name, uid] of Object.entries(PIPELINE)) await fill(name, uid, pipeline[name] ?? []);
  await fill('settings', 'api::setting.setting', Object.entries(settings).map(([key, value]) => ({ key, value: JSON.stringify(value, null, 2) })));
  return filled;
}
