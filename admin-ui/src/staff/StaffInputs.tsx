import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import {
  PasswordInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  regex,
  required,
} from 'react-admin';

import { StaffInput } from '../common/StaffInput';
import { roleChoices } from './staff';

const validateUsername = [required(), maxLength(50), regex(/^[A-Za-z0-9._-]+$/, 'crm.staff.username_hint')];
const validatePassword = [required(), minLength(8), maxLength(72)];
const validateName = [required(), maxLength(50)];
const validateMobile = [regex(/^\+?[0-9\s\-()]{5,20}$/, 'crm.validation.mobile')];

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
);

/**
 * A staff account, shared by StaffCreate and StaffEdit: the username, password and email
 * only when creating; the active flag only through deactivate / reactivate.
 */
export const StaffInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 800 }}>
    {creating ? (
      <Grid>
        <TextInput source="username" validate={validateUsername} autoComplete="off" />
        <PasswordInput source="password" validate={validatePassword} autoComplete="new-password" helperText="crm.staff.password_hint" />
      </Grid>
    ) : null}
    <Grid>
      <TextInput source="displayName" validate={validateName} />
      <TextInput source="mobile" validate={validateMobile} type="tel" />
      {creating ? <TextInput source="email" type="email" validate={email()} /> : null}
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <ReferenceInput source="department" reference="departments" sort={{ field: 'order', order: 'ASC' }}>
        <SelectInput optionText="name" emptyText="crm.staff.no_department" />
      </ReferenceInput>
      <StaffInput source="supervisor" />
    </Grid>
  </Box>
);
