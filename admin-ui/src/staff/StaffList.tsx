import { Chip } from '@mui/material';
import {
  DataTable,
  List,
  Pagination,
  ReferenceField,
  SearchInput,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { TransitionButtons } from '../common/TransitionButtons';
import { roleLabel } from '../i18n/labels';
import type { Staff } from './staff';

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

const ActiveField = (_props: { source?: string }) => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  if (!record || record.active === undefined) return null;
  return (
    <Chip
      size="small"
      color={record.active ? 'success' : 'default'}
      variant={record.active ? 'outlined' : 'filled'}
      label={translate(`crm.status.staff.${record.active ? 'active' : 'inactive'}`)}
    />
  );
};

const staffFilters = [<SearchInput key="q" source="q" alwaysOn />];

/**
 * The staff directory; for admins also the account screen (rows open the edit form,
 * deactivate / reactivate / reset password on each row).
 */
export const StaffList = () => {
  const { permissions } = usePermissions<Me>();
  const admin = canDo(permissions, 'staff', 'edit');
  return (
    <List<Staff>
      filters={staffFilters}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={{ field: 'displayName', order: 'ASC' }}
      exporter={false}
    >
      <DataTable<Staff> rowClick={admin ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="displayName" />
        <DataTable.Col source="username" />
        <DataTable.Col source="mobile">
          <TextField source="mobile" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="role" field={RoleField} />
        <DataTable.Col source="department" field={DepartmentField} disableSort />
        <DataTable.Col source="supervisor" disableSort>
          <StaffReferenceField source="supervisor" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="active" field={ActiveField} disableSort />
        {admin ? (
          <DataTable.Col label="crm.common.actions" disableSort>
            <TransitionButtons dense />
          </DataTable.Col>
        ) : null}
      </DataTable>
    </List>
  );
};

export default StaffList;
