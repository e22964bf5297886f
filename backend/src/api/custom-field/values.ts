// The stored values of one custom field: exported (record id → value) before a confirmed delete,
// and removed from the records after it, each removal through the write rules (audited).
import type { Core } from '@strapi/strapi';
import { KEY, PURGE_INTENT } from '../../crm/custom-values';
import { dialectOf, resourceOfEntity, valueSql } from '../../crm/custom-fields';
import { withWrite } from '../../crm/write-context';

/** The rows of `entity` holding a value for `key` (inside the caller's transaction, if any). */
export async function holderRows(strapi: Core.Strapi, entity: string, key: string): Promise<{ id: number; document_id: string }[]> {
  const target = resourceOfEntity(entity);
  if (!target || !KEY.test(key)) return [];
  const table = strapi.db.metadata.get(target.uid as any).tableName;
  return strapi.db.transaction(({ trx }: any) =>
    strapi.db.getConnection(table).transacting(trx)
      .whereRaw(`${valueSql(dialectOf(strapi), 'custom', key, 'text')} IS NOT NULL`).select('id', 'document_id').orderBy('id'),
  );
}

/** `{recordId: value}` of every record holding a value for the field. */
export async function valuesOf(strapi: Core.Strapi, entity: string, key: string): Promise<Record<string, unknown>> {
  const target = resourceOfEntity(entity);
  const rows = await holderRows(strapi, entity, key);
  if (!target || !rows.length) return {};
  const out: Record<string, unknown> = {};
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const got: any[] = await strapi.db.query(target.uid as any).findMany({ where: { id: { $in: rows.slice(i, i + CHUNK).map((r) => r.id) } }, select: ['id', 'custom'] });
    for (const r of got) {
      const custom = typeof r.custom === 'string' ? JSON.parse(r.custom) : r.custom;
      out[String(r.id)] = custom?.[key];
    }
  }
  return out;
}

/** Removes the field's values from every record holding one (inside the delete's transaction). */
export async function purgeValues(strapi: Core.Strapi, entity: string, key: string) {
  const target = resourceOfEntity(entity);
  if (!target) return 0;
  const rows = await holderRows(strapi, entity, key);
  const docs = strapi.documents(target.uid as any);
  for (const r of rows) {
    const row: any = await strapi.db.query(target.uid as any).findOne({ where: { id: r.id }, select: ['custom'] });
    const { [key]: _gone, ...rest } = (typeof row?.custom === 'string' ? JSON.parse(row.custom) : row?.custom) ?? {};
    await withWrite({ intent: PURGE_INTENT }, () => docs.update({ documentId: r.document_id, data: { custom: rest } } as any));
  }
  return rows.length;
}
