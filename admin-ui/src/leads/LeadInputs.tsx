import { Box } from '@mui/material';
import { TextInput, email, maxLength, required } from 'react-admin';

import { LevelInput, SourceInput } from '../common/ConfigInputs';
import { MobileInput } from '../common/MobileInput';
import { CustomInputs } from '../common/custom';

const validateSubject = [required(), maxLength(200)];
const validateEmail = [email()];

/**
 * The lead inputs, shared by LeadCreate and LeadEdit. `status` and `owner` are never
 * inputs: they change through the lead actions (convert, close, reactivate, assign).
 */
export const LeadInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    <TextInput source="subject" validate={validateSubject} fullWidth />
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
      <SourceInput source="source" />
      <LevelInput source="level" />
      <TextInput source="targetCustomer" />
      <TextInput source="targetContact" />
      <MobileInput />
      <TextInput source="email" validate={validateEmail} type="email" />
    </Box>
    <TextInput source="description" multiline minRows={3} fullWidth />
    <CustomInputs entity="lead" />
  </Box>
);
