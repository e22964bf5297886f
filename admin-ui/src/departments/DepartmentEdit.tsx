import { ConfigEdit } from '../common/ConfigForms';
import { DEPARTMENT_FIELDS, DepartmentInputs } from './DepartmentInputs';

export const DepartmentEdit = () => (
  <ConfigEdit fields={DEPARTMENT_FIELDS}>
    <DepartmentInputs />
  </ConfigEdit>
);

export default DepartmentEdit;
