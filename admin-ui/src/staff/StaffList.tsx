import { Chip } from '@mui/material';
import {
  DataTable,
  List,
  Pagination,
  ReferenceField,
  SearchInput,
  TextField,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';

import type { Role } from '../auth/permissions';
import { roleLabel } from '../i18n/labels';

export interface Staff extends RaRecord {
  username: string;
  displayName: string;
  role: Role | null;
  /** a department id (relations travel as ids), or `{id, name}` */
  department: number | string | { id: number | string; name: string } | null;
}

const RoleField = (_props: { source?: string }) => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  if (!record?.role) return null;
  return <Chip size="small" variant="outlined" label={roleLabel(translate, record.role)} />;
};

const DepartmentField = (_props: { source?: string }) => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  const department = record?.department;
  if (department == null) return <span>{translate('crm.staff.no_department')}</span>;
  if (typeof department === 'object') return <span>{department.name}</span>;
  return (
    <ReferenceField source="department" reference="departments" link={false}>
      <TextField source="name" />
    </ReferenceField>
  );
};

const staffFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const StaffList = () => (
  <List<Staff>
    filters={staffFilters}
    perPage={25}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
    sort={{ field: 'displayName', order: 'ASC' }}
    exporter={false}
  >
    <DataTable<Staff> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="username" />
      <DataTable.Col source="role" field={RoleField} />
      <DataTable.Col source="department" field={DepartmentField} disableSort />
    </DataTable>
  </List>
);

export default StaffList;
