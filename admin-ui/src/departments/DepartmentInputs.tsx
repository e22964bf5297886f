import { Box } from '@mui/material';
import { NumberInput, ReferenceInput, SelectInput, TextInput, number, required, useRecordContext } from 'react-admin';

export const DEPARTMENT_FIELDS = ['name', 'parent', 'order', 'robotKind', 'robotWebhook', 'robotSecret'] as const;

const ROBOT_KINDS = [
  { id: 'wecom', name: 'resources.departments.robotKinds.wecom' },
  { id: 'dingtalk', name: 'resources.departments.robotKinds.dingtalk' },
];
// the server says which field is wrong too; this catches a typo before the round trip
const httpUrl = (v: unknown) => (v && !/^https?:\/\/\S+$/.test(String(v)) ? 'crm.errors.codes.invalid_robot_url' : undefined);

/**
 * A department: its name, the department above it (none for the top), its order, and the group
 * robot (WeCom / DingTalk webhook, DingTalk's signing secret) that receives its members' notifications.
 */
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
      <SelectInput source="robotKind" choices={ROBOT_KINDS} emptyText="crm.common.none" emptyValue={null} fullWidth />
      <TextInput source="robotWebhook" validate={httpUrl} fullWidth />
      <TextInput source="robotSecret" helperText="resources.departments.robotSecretHelp" fullWidth />
    </Box>
  );
};
