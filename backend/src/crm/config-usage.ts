// Configuration in use (stages, levels, sources, close reasons) is never deleted out from under
// the records that name it: it is archived (`active: false`: hidden from pickers, kept on
// records) or merged into another entry. Each configuration resource declares where it is used. Fields backed
// by configuration accept only an active entry (code `not_in_list`) — an unchanged value stays.
import type { Core } from '@strapi/strapi';
import type { WriteEvent, WriteRule } from './rules';
import { badRequest, conflict } from './errors';
import { lookup, type WriteBatch } from './write-context';

/** Where a configuration type is used (declared on its resource as `inUse`). */
export interface ConfigUse {
  /** how records refer to an entry: by id (a relation), name or code */
  key: 'id' | 'name' | 'code';
  uses: { uid: string; attr: string; relation?: boolean }[];
}

const whereUsing = (use: { attr: string; relation?: boolean }, value: unknown) =>
  use.relation ? { [use.attr]: { id: value } } : { [use.attr]: value };

/** How many records name the configuration row `row` of `uid`. */
export async function usageOf(strapi: Core.Strapi, cfg: ConfigUse, row: Record<string, any>): Promise<number> {
  const value = row[cfg.key];
  if (value === null || value === undefined || value === '') return 0;
  let n = 0;
  for (const use of cfg.uses) n += await strapi.db.query(use.uid as any).count({ where: whereUsing(use, value) });
  return n;
}

/** The refusal to delete or rename an entry that records name, for resource `name`. */
export const usageRule = (name: string, cfg: ConfigUse): WriteRule => ({
  async check({ strapi, op, before, after }) {
    if (!before) return;
    const renamed = op === 'update' && cfg.key !== 'id' && after && after[cfg.key] !== before[cfg.key];
    if (op !== 'delete' && !renamed) return;
    const count = await usageOf(strapi, cfg, before);
    if (!count) return;
    if (op === 'delete') {
      throw conflict(`${name} ${before[cfg.key]} is used by ${count} records: archive it or merge it into another`, {
        code: 'in_use', count, name: String(before.name ?? before.code ?? before.id),
      });
    }
    throw conflict(`${cfg.key}: ${before[cfg.key]} is used by ${count} records; merge it instead of renaming`, {
      field: cfg.key, code: 'in_use_rename', count, name: String(before[cfg.key]),
    });
  },
});

/** Refuses `attr` of the written record unless it names an active entry of `configUid` (by `key`). */
export async function assertInList(e: WriteEvent, attr: string, configUid: string, key: string) {
  const value = e.after?.[attr];
  if (value === null || value === undefined || value === '' || value === e.before?.[attr]) return;
  const hit: any = await lookup(`${configUid}:${key}`, String(value), () =>
    e.strapi.db.query(configUid as any).findOne({ where: { [key]: value }, select: ['id', 'active'] }), e.context);
  if (!hit || hit.active === false) {
    throw badRequest(`${attr}: ${String(value)} is not one of the configured entries`, { field: attr, code: 'not_in_list', value: String(value) });
  }
}

/** For a bulk write: every entry of `configUid` (a short list), so assertInList asks no query per record. */
export async function preloadList(strapi: Core.Strapi, batch: WriteBatch | undefined, configUid: string, key: string) {
  if (!batch || batch.table(`${configUid}:${key}`)) return;
  const rows: any[] = await strapi.db.query(configUid as any).findMany({ select: ['id', 'active', key] });
  batch.load(`${configUid}:${key}`, rows.map((r) => [String(r[key]), r]));
}

/** Moves every record naming `from` to `into` (same type), then archives `from`. */
export async function mergeConfig(strapi: Core.Strapi, uid: string, cfg: ConfigUse, from: Record<string, any>, into: Record<string, any>) {
  let moved = 0;
  for (const use of cfg.uses) {
    const rows: any[] = await strapi.db.query(use.uid as any).findMany({ where: whereUsing(use, from[cfg.key]), select: ['documentId'] });
    for (const r of rows) {
      const data = use.relation ? { [use.attr]: { set: [{ id: into.id }] } } : { [use.attr]: into[cfg.key] };
      await strapi.documents(use.uid as any).update({ documentId: r.documentId, data } as any);
      moved += 1;
    }
  }
  await strapi.documents(uid as any).update({ documentId: from.documentId, data: { active: false } } as any);
  return moved;
}

