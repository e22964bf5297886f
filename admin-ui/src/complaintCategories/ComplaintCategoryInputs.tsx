import { Box } from '@mui/material';
import { BooleanInput, NumberInput, TextInput, number, required } from 'react-admin';

export const CATEGORY_FIELDS = ['name', 'order', 'active'] as const;

/** A complaint category (投诉类别): shared by ComplaintCategoryCreate and ComplaintCategoryEdit. */
export const ComplaintCategoryInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 600 }}>
    <TextInput source="name" validate={required()} fullWidth />
    <NumberInput source="order" validate={[required(), number()]} />
    <BooleanInput source="active" />
  </Box>
);
