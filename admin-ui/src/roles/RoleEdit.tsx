import { Edit, SimpleForm, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';

import { pickFields } from '../common/pickWritable';
import type { Role } from './role';
import { GrantsInput } from './GrantsInput';

const pick = pickFields<Role>(['name', 'description', 'grants']);

const RoleTitle = () => {
  const record = useRecordContext<Role>();
  const translate = useTranslate();
  if (!record) return null;
  return <Typography variant="h6">{translate(`crm.roles.${record.type}`, { _: record.name })}</Typography>;
};

export const RoleEdit = () => (
  <Edit<Role> mutationMode="pessimistic" redirect="list" transform={pick}>
    <SimpleForm>
      <RoleTitle />
      <TextInput source="name" validate={required()} />
      <TextInput source="description" fullWidth />
      <GrantsInput />
    </SimpleForm>
  </Edit>
);

export default RoleEdit;
