import { Box } from '@mui/material';
import { BooleanInput, NumberInput, SelectInput, TextInput, maxLength, number, regex, required } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { CHOICE_TYPES, entityChoices, formatOptions, typeChoices } from './customField';

const validateKey = [required(), regex(/^[a-z][a-z0-9_]{0,39}$/, 'crm.custom.key_hint')];

/** Options, one per line: only for single and multiple choice. */
const OptionsInput = () => {
  const type = useWatch({ name: 'type' });
  if (!CHOICE_TYPES.has(type)) return null;
  return (
    <TextInput
      source="options"
      format={formatOptions}
      parse={(text: string) => text}
      multiline
      minRows={3}
      fullWidth
      validate={required()}
      helperText="crm.custom.options_hint"
    />
  );
};

/**
 * A custom field definition. Record kind, key and type are fixed once the field exists (the
 * stored values depend on them): shown read-only when editing.
 */
export const CustomFieldInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
      <SelectInput source="entity" choices={entityChoices} validate={required()} readOnly={!creating} />
      <TextInput source="key" validate={validateKey} readOnly={!creating} helperText="crm.custom.key_hint" />
      <TextInput source="label" validate={[required(), maxLength(100)]} />
      <TextInput source="labelEn" validate={maxLength(100)} />
      <SelectInput source="type" choices={typeChoices} validate={required()} readOnly={!creating} />
      <NumberInput source="order" validate={number()} min={0} max={10000} />
    </Box>
    <OptionsInput />
    <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
      <BooleanInput source="required" />
      <BooleanInput source="filterable" />
      <BooleanInput source="showInList" />
      <BooleanInput source="active" />
    </Box>
  </Box>
);
