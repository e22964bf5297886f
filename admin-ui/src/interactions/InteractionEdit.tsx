import { Alert } from '@mui/material';
import { Edit, SimpleForm, useTranslate } from 'react-admin';

import { useAfterSaveRedirect } from '../common/useAfterSaveRedirect';
import { pickWritable, type Interaction } from './interaction';
import { InteractionInputs } from './InteractionInputs';

const Hint = () => (
  <Alert severity="info" variant="outlined" sx={{ py: 0, mb: 1, width: '100%', maxWidth: 960 }}>
    {useTranslate()('crm.interaction.state_hint')}
  </Alert>
);

export const InteractionEdit = () => {
  const redirect = useAfterSaveRedirect('interactions');
  return (
    <Edit<Interaction> mutationMode="pessimistic" redirect={redirect} transform={pickWritable}>
      <SimpleForm>
        <Hint />
        <InteractionInputs />
      </SimpleForm>
    </Edit>
  );
};

export default InteractionEdit;
