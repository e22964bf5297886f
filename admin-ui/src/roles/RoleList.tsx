import { DataTable, TextField, useRecordContext, useTranslate } from 'react-admin';

import { ConfigList } from '../common/ConfigList';
import type { Role } from './role';

const RoleName = (_props: { source?: string }) => {
  const record = useRecordContext<Role>();
  const translate = useTranslate();
  return record ? <span>{translate(`crm.roles.${record.type}`, { _: record.name })}</span> : null;
};

export const RoleList = () => (
  <ConfigList resource="roles" sort={{ field: 'id', order: 'ASC' }}>
    <DataTable.Col source="name" field={RoleName} />
    <DataTable.Col source="type" />
    <DataTable.Col source="description">
      <TextField source="description" emptyText="—" />
    </DataTable.Col>
  </ConfigList>
);

export default RoleList;
