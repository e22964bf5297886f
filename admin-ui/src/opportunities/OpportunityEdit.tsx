import { Alert } from '@mui/material';
import { Edit, SimpleForm, useTranslate } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Opportunity } from './opportunity';
import { OpportunityInputs } from './OpportunityInputs';

const Hint = () => (
  <Alert severity="info" variant="outlined" sx={{ py: 0, mb: 1, width: '100%', maxWidth: 960 }}>
    {useTranslate()('crm.common.read_only_hint')}
  </Alert>
);

export const OpportunityEdit = () => {
  const redirect = useAfterSaveRedirect('opportunities');
  return (
    <Edit<Opportunity> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <Hint />
        <OpportunityInputs />
      </SimpleForm>
    </Edit>
  );
};

export default OpportunityEdit;
