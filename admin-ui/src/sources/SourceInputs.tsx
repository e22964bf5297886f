import { Box } from '@mui/material';
import { BooleanInput, NumberInput, TextInput, number, required } from 'react-admin';

export const SOURCE_FIELDS = ['name', 'order', 'active'] as const;

/** A lead / customer source (来源): shared by SourceCreate and SourceEdit. */
export const SourceInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 600 }}>
    <TextInput source="name" validate={required()} fullWidth />
    <NumberInput source="order" validate={[required(), number()]} />
    <BooleanInput source="active" />
  </Box>
);
