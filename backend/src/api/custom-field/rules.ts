// Custom field definitions for every writer: a stable key (immutable, one per record kind),
// options only for the choice types, a type that never changes under stored values, and no
// deleting a field that records still hold values of without an explicit confirmation
// (deactivating keeps the values; a confirmed delete removes them, after the UI exported them).
import type { WriteRule } from '../../crm/rules';
import { badRequest, conflict } from '../../crm/errors';
import { KEY } from '../../crm/custom-values';
import { ensureCustomIndex, resourceOfEntity } from '../../crm/custom-fields';
import { holderRows, purgeValues } from './values';

const UID = 'api::custom-field.custom-field';
const CHOICE = new Set(['select', 'multiselect']);

export const customFieldRule: WriteRule = {
  async check({ strapi, op, before, after, context }) {
    if (op === 'delete') {
      // values are destroyed only on an explicit confirmation (the UI exports them first)
      const n = (await holderRows(strapi, before!.entity, before!.key)).length;
      if (n && !context.confirmed) {
        throw conflict(`custom field ${before!.key} holds values in ${n} records: export them, then delete with ?confirm=true (or deactivate it)`, {
          code: 'custom_field_in_use', count: n, name: String(before!.label ?? before!.key),
        });
      }
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
  async afterWrite({ strapi, op, before }, saved) {
    // a confirmed delete: the values go too, so a later field with the same key starts empty
    if (op === 'delete' && before) await purgeValues(strapi, before.entity, before.key);
    if (!saved?.filterable) return;
    const target = resourceOfEntity(saved.entity);
    // after the commit: an index build must not hold the definition's transaction open
    if (target) setImmediate(() => void ensureCustomIndex(strapi, target.uid, saved as any));
  },
};
