import type { ResourceDef } from '../../crm/resource';

const department: ResourceDef = {
  name: 'departments',
  uid: 'api::department.department',
  audited: true,
  search: ['name'],
  defaultSort: ['order', 'ASC'],
};
export default department;
