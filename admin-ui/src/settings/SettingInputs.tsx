import { Box } from '@mui/material';
import { TextInput, required, useRecordContext } from 'react-admin';

import { formatValue, type Setting } from './setting';
import { SETTING_FORMS, TypedSettingInput } from './TypedSettingInput';

/** A setting: its key (fixed once created), value (a typed form for shipped keys, else JSON text) and description. */
export const SettingInputs = ({ creating = false }: { creating?: boolean }) => {
  const record = useRecordContext<Setting>();
  // a shipped key gets its typed form; any other key keeps the JSON text box
  const typed = !creating && record && Object.hasOwn(SETTING_FORMS, record.key);
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
    <TextInput source="key" validate={required()} readOnly={!creating} fullWidth />
    {typed ? (
      <TypedSettingInput settingKey={record.key} />
    ) : (
      <TextInput
        source="value"
        format={formatValue}
        parse={(text: string) => text}
        multiline
        minRows={2}
        fullWidth
        helperText="crm.config.value_hint"
        sx={{ '& textarea': { fontFamily: 'monospace' } }}
      />
    )}
    <TextInput source="description" fullWidth />
  </Box>
  );
};
