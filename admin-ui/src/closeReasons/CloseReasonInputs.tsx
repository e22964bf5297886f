import { Box } from '@mui/material';
import { BooleanInput, NumberInput, SelectInput, TextInput, number, required } from 'react-admin';

export const CLOSE_REASON_FIELDS = ['name', 'kind', 'order', 'active'] as const;

export const closeReasonKindChoices = [
  { id: 'lead', name: 'crm.close_reason_kind.lead' },
  { id: 'opportunity', name: 'crm.close_reason_kind.opportunity' },
];

/** A close / loss reason (关闭原因): shared by CloseReasonCreate and CloseReasonEdit. */
export const CloseReasonInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 600 }}>
    <TextInput source="name" validate={required()} fullWidth />
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2 }}>
      <SelectInput source="kind" choices={closeReasonKindChoices} validate={required()} />
      <NumberInput source="order" validate={[required(), number()]} />
    </Box>
    <BooleanInput source="active" />
  </Box>
);
