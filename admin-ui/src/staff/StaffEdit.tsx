import { Alert, Stack } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useTranslate } from 'react-admin';

import { TransitionButtons } from '../common/TransitionButtons';
import { pickEditable, type Staff } from './staff';
import { StaffInputs } from './StaffInputs';

/** Save, and the account actions: deactivate (handing over open records), reactivate, reset password. */
const StaffToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <TransitionButtons />
  </Toolbar>
);

const InactiveNotice = () => {
  const record = useRecordContext<Staff>();
  const translate = useTranslate();
  if (!record || record.active !== false) return null;
  return (
    <Alert severity="warning" variant="outlined" sx={{ mb: 1, width: '100%', maxWidth: 800 }}>
      {translate('crm.staff.inactive')}
    </Alert>
  );
};

export const StaffEdit = () => {
  const translate = useTranslate();
  return (
    <Edit<Staff> mutationMode="pessimistic" redirect="list" transform={pickEditable}>
      <SimpleForm toolbar={<StaffToolbar />}>
        <Stack sx={{ width: '100%' }}>
          <InactiveNotice />
          <Alert severity="info" variant="outlined" sx={{ py: 0, mb: 1, maxWidth: 800 }}>
            {translate('crm.staff.deactivate_hint')}
          </Alert>
        </Stack>
        <StaffInputs />
      </SimpleForm>
    </Edit>
  );
};

export default StaffEdit;
