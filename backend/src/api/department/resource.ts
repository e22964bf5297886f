import type { ResourceDef } from '../../crm/resource';
import { departmentRule } from './rules';
import { grantsOf } from '../../crm/access';
import { roleTable } from '../../crm/roles';

const department: ResourceDef = {
  name: 'departments',
  uid: 'api::department.department',
  audited: true,
  unaudited: ['robotWebhook', 'robotSecret'],
  versioned: true,
  rule: departmentRule,
  search: ['name'],
  defaultSort: ['order', 'ASC'],
  // a robot webhook carries its key in the URL: shown only to who may edit departments
  present: (rec, _row, actor) => {
    const out: Record<string, unknown> = { ...rec };
    if (!actor || !grantsOf(roleTable(), actor.role, 'departments').actions.includes('edit')) { delete out.robotWebhook; delete out.robotSecret; }
    return out;
  },
};
export default department;
