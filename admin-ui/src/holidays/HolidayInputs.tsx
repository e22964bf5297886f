import { Box } from '@mui/material';
import { BooleanInput, TextInput, regex, required, useTranslate } from 'react-admin';

export const HOLIDAY_FIELDS = ['date', 'name', 'greeting', 'active'] as const;

/** A holiday customers are greeted on (节日): shared by HolidayCreate and HolidayEdit. */
export const HolidayInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 600 }}>
      <TextInput source="date" placeholder="2027-10-01" validate={[required(), regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')]} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="greeting" multiline minRows={2} fullWidth helperText={translate('crm.holidays.greeting_help')} />
      <BooleanInput source="active" />
    </Box>
  );
};
