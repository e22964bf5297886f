import { Alert, Stack } from '@mui/material';
import { Edit, Labeled, SimpleForm, useTranslate } from 'react-admin';

import { StaffReferenceField } from '../common/StaffReferenceField';
import { pickWritable, type Lead } from './lead';
import { LeadInputs } from './LeadInputs';
import { useAfterSaveRedirect } from './useAfterSaveRedirect';
import { LeadStatusField } from './LeadStatusField';

/** Status and owner, shown but not editable here. */
const ReadOnlySummary = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ width: '100%', maxWidth: 960, mb: 1 }}>
      <Stack direction="row" spacing={4}>
        <Labeled source="status">
          <LeadStatusField />
        </Labeled>
        <Labeled label="resources.leads.fields.owner">
          <StaffReferenceField source="owner" emptyText={translate('crm.lead.unassigned')} />
        </Labeled>
      </Stack>
      <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
        {translate('crm.lead.read_only_hint')}
      </Alert>
    </Stack>
  );
};

export const LeadEdit = () => {
  const redirect = useAfterSaveRedirect();
  return (
    <Edit<Lead> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <ReadOnlySummary />
        <LeadInputs />
      </SimpleForm>
    </Edit>
  );
};

export default LeadEdit;
