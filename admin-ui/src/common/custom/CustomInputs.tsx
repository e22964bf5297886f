import { Box } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  NumberInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  maxLength,
  number,
  required,
} from 'react-admin';

import { customSource, useCustomFields, useFieldLabel, type CustomEntity, type CustomField } from './useCustomFields';

const choicesOf = (f: CustomField) => (f.options ?? []).map(o => ({ id: o, name: o }));

/** The input of one custom field, by its type; `required` as the definition says. */
export const CustomInput = ({ field }: { field: CustomField }) => {
  const label = useFieldLabel()(field);
  const common = { source: customSource(field), label, validate: field.required ? [required()] : [] };
  switch (field.type) {
    case 'number':
      return <NumberInput {...common} validate={[...common.validate, number()]} />;
    case 'date':
      return <DateInput {...common} />;
    case 'select':
      return <SelectInput {...common} choices={choicesOf(field)} translateChoice={false} emptyText="crm.common.none" />;
    case 'multiselect':
      return <SelectArrayInput {...common} choices={choicesOf(field)} translateChoice={false} />;
    case 'boolean':
      return <BooleanInput source={common.source} label={label} />;
    default:
      return <TextInput {...common} validate={[...common.validate, maxLength(2000)]} />;
  }
};

/**
 * The record kind's active custom fields as form inputs (create and edit), below its own inputs.
 * Definitions come from the server at run time: a field an admin adds shows without a rebuild.
 */
export const CustomInputs = ({ entity }: { entity: CustomEntity }) => {
  const fields = useCustomFields(entity);
  if (!fields.length) return null;
  return (
    <Box
      data-testid="custom-inputs"
      sx={{ width: '100%', maxWidth: 960, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}
    >
      {fields.map(f => (
        <CustomInput key={f.key} field={f} />
      ))}
    </Box>
  );
};
