import { Box } from '@mui/material';
import { BooleanInput, NumberInput, TextInput, maxValue, minValue, number, required } from 'react-admin';

export const STAGE_FIELDS = ['name', 'order', 'probability', 'active'] as const;

const validateProbability = [required(), number(), minValue(0, 'crm.validation.probability'), maxValue(100, 'crm.validation.probability')];

/** A pipeline stage (阶段): shared by StageCreate and StageEdit. */
export const StageInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 600 }}>
    <TextInput source="name" validate={required()} fullWidth />
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2 }}>
      <NumberInput source="order" validate={[required(), number()]} />
      <NumberInput source="probability" validate={validateProbability} min={0} max={100} />
    </Box>
    <BooleanInput source="active" />
  </Box>
);
