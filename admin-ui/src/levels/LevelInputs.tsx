import { Box } from '@mui/material';
import { BooleanInput, NumberInput, TextInput, minValue, number, regex, required } from 'react-admin';

export const LEVEL_FIELDS = ['code', 'label', 'color', 'followUpDays', 'order', 'active'] as const;

const validateColor = [regex(/^#[0-9a-fA-F]{6}$/, 'crm.config.color_hint')];

/** A customer level (级别): shared by LevelCreate and LevelEdit. */
export const LevelInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 600 }}>
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr', columnGap: 2 }}>
      <TextInput source="code" validate={required()} />
      <TextInput source="label" validate={required()} />
      <TextInput source="color" type="color" validate={validateColor} helperText="crm.config.color_hint" />
      <NumberInput
        source="followUpDays"
        validate={[required(), number(), minValue(0)]}
        helperText="crm.config.follow_up_days_hint"
      />
      <NumberInput source="order" validate={[required(), number()]} />
    </Box>
    <BooleanInput source="active" />
  </Box>
);
