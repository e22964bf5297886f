import { Box } from '@mui/material';
import { FormDataConsumer, TextInput, regex, type Validator } from 'react-admin';

import { MobileOwnerNotice } from './MobileOwnerNotice';

/** Phone numbers as people type them: digits, spaces, +, -, parentheses. */
export const validateMobile: Validator[] = [regex(/^\+?[0-9\s\-()]{5,20}$/, 'crm.validation.mobile')];

/** The mobile input, with the 撞单 warning below it as soon as the number is someone's customer. */
export const MobileInput = ({ source = 'mobile' }: { source?: string }) => (
  <Box>
    <TextInput source={source} validate={validateMobile} type="tel" fullWidth />
    <FormDataConsumer<Record<string, unknown>>>{({ formData }) => <MobileOwnerNotice mobile={formData[source]} />}</FormDataConsumer>
  </Box>
);
