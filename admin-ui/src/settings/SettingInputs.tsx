import { Box } from '@mui/material';
import { TextInput, required } from 'react-admin';

import { formatValue } from './setting';

/** A setting: its key (fixed once created), value (JSON or text) and description. */
export const SettingInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <TextInput source="key" validate={required()} readOnly={!creating} fullWidth />
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
    <TextInput source="description" fullWidth />
  </Box>
);
