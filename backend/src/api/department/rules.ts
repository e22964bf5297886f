// Departments nest without cycles: a department cannot sit under itself or its own descendants.
import type { WriteRule } from '../../crm/rules';
import { badRequest } from '../../crm/errors';
import { departmentTree, subtree } from '../../crm/org';

export const departmentRule: WriteRule = {
  async check({ strapi, before, after }) {
    if (!after || !before || after.parent == null || after.parent === before.parent) return;
    if (subtree(await departmentTree(strapi), before.id).includes(after.parent)) {
      throw badRequest('parent: a department cannot sit under itself or a department below it', { field: 'parent', code: 'department_cycle' });
    }
  },
};
