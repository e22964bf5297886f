import type { ResourceDef } from '../../crm/resource';
import { departmentRule } from './rules';

const department: ResourceDef = {
  name: 'departments',
  uid: 'api::department.department',
  audited: true,
  versioned: true,
  rule: departmentRule,
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default department;
