import { crmController } from '../../../crm/controller';
import { handle } from '../../../crm/http';
import { records } from '../../../crm/registry';
import { assertCan } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';
import { valuesOf } from '../values';

export default {
  ...crmController('custom-fields'),
  /** `GET /custom-fields/:id/values`: every stored value (record id → value), to keep before a delete. */
  values: handle(async (ctx, actor) => {
    assertCan(roleTable(), actor, 'custom-fields', 'delete');
    const field: any = await records('custom-fields').get(actor, ctx.params.id);
    const values = await valuesOf(strapi, field.entity, field.key);
    return { entity: field.entity, key: field.key, label: field.label, type: field.type, count: Object.keys(values).length, values };
  }),
};
