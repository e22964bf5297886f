import { Box } from '@mui/material';
import { NumberInput, ReferenceInput, SelectInput, TextInput, number, required, useRecordContext } from 'react-admin';

export const DEPARTMENT_FIELDS = ['name', 'parent', 'order'] as const;

/** A department: its name, the department above it (none for the top) and its order. */
export const DepartmentInputs = () => {
  const record = useRecordContext();
  // A department cannot be its own parent (the server refuses deeper cycles too).
  const filter = record?.id != null ? { id_neq: record.id } : {};
  return (
    <Box sx={{ width: '100%', maxWidth: 600 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="parent" reference="departments" filter={filter} sort={{ field: 'order', order: 'ASC' }}>
        <SelectInput optionText="name" emptyText="crm.common.none" fullWidth />
      </ReferenceInput>
      <NumberInput source="order" validate={number()} />
    </Box>
  );
};
