// Custom field definitions for every writer: a stable key (immutable, one per record kind),
// options only for the choice types, a type that never changes under stored values, and no
// deleting a field that records still hold values of (deactivate it instead: values stay).
import type { WriteRule } from '../../crm/rules';
import { badRequest, conflict } from '../../crm/errors';
import { KEY } from '../../crm/custom-values';
import { dialectOf, ensureCustomIndex, resourceOfEntity, valueSql } from '../../crm/custom-fields';

const UID = 'api::custom-field.custom-field';
const CHOICE = new Set(['select', 'multiselect']);

/** How many records of `entity` hold a value for `key`. */
async function holders(strapi: any, entity: string, key: string): Promise<number> {
  const target = resourceOfEntity(entity);
  if (!target || !KEY.test(key)) return 0;
  const table = strapi.db.metadata.get(target.uid).tableName;
  const row: any = await strapi.db.transaction(({ trx }: any) =>
    strapi.db.getConnection(table).transacting(trx).whereRaw(`${valueSql(dialectOf(strapi), 'custom', key, 'text')} IS NOT NULL`).count({ n: '*' }).first(),
  );
  return Number(row?.n ?? 0);
}

export const customFieldRule: WriteRule = {
  async check({ strapi, op, before, after }) {
    if (op === 'delete') {
      const n = await holders(strapi, before!.entity, before!.key);
      if (n) throw conflict(`custom field ${before!.key} holds values in ${n} records: deactivate it instead`, { code: 'custom_field_in_use', count: n });
      return;
    }
    const a = after!;
    if (!KEY.test(a.key ?? '')) {
      throw badRequest('key: must start with a lowercase letter and use a–z, 0–9 and _ (at most 40)', { field: 'key', code: 'invalid_key' });
    }
    for (const f of ['key', 'entity', 'type'] as const) {
      if (before && before[f] !== a[f]) throw badRequest(`${f}: cannot change once the field exists`, { field: f, code: 'immutable' });
    }
    const options = a.options;
    if (CHOICE.has(a.type)) {
      const ok = Array.isArray(options) && options.length > 0 && options.length <= 100 &&
        options.every((o: unknown) => typeof o === 'string' && o.trim() && o.length <= 100) && new Set(options).size === options.length;
      if (!ok) throw badRequest('options: a choice field needs 1 to 100 distinct option texts', { field: 'options', code: 'invalid_options' });
    } else if (options !== null && options !== undefined && !(Array.isArray(options) && !options.length)) {
      throw badRequest(`options: a ${a.type} field takes no options`, { field: 'options', code: 'invalid_options' });
    }
    if (!before) {
      const twin = await strapi.db.query(UID as any).findOne({ where: { entity: a.entity, key: a.key }, select: ['id'] });
      if (twin) throw conflict(`key: ${a.entity} already has a field ${a.key}`, { field: 'key', code: 'key_taken' });
    }
  },
  async onUnique({ after }) {
    return conflict(`key: ${after?.entity} already has a field ${after?.key}`, { field: 'key', code: 'key_taken' });
  },
  async afterWrite({ strapi }, saved) {
    if (!saved?.filterable) return;
    const target = resourceOfEntity(saved.entity);
    // after the commit: an index build must not hold the definition's transaction open
    if (target) setImmediate(() => void ensureCustomIndex(strapi, target.uid, saved as any));
  },
};
