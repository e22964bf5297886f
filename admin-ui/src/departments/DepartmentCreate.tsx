import { ConfigCreate } from '../common/ConfigForms';
import { DEPARTMENT_FIELDS, DepartmentInputs } from './DepartmentInputs';

export const DepartmentCreate = () => (
  <ConfigCreate fields={DEPARTMENT_FIELDS} defaults={{ order: 1 }}>
    <DepartmentInputs />
  </ConfigCreate>
);

export default DepartmentCreate;
