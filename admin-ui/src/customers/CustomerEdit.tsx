import { Alert, Stack } from '@mui/material';
import { Edit, Labeled, SimpleForm, useTranslate } from 'react-admin';

import { StaffReferenceField } from '../common/StaffReferenceField';
import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Customer } from './customer';
import { CustomerInputs } from './CustomerInputs';

const ReadOnlySummary = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ width: '100%', maxWidth: 1000, mb: 1 }}>
      <Labeled label="resources.customers.fields.owner">
        <StaffReferenceField source="owner" emptyText={translate('crm.common.unassigned')} />
      </Labeled>
      <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
        {translate('crm.common.read_only_hint')}
      </Alert>
    </Stack>
  );
};

export const CustomerEdit = () => {
  const redirect = useAfterSaveRedirect('customers');
  return (
    <Edit<Customer> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <ReadOnlySummary />
        <CustomerInputs />
      </SimpleForm>
    </Edit>
  );
};

export default CustomerEdit;
