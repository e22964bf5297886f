import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import {
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  minValue,
  number,
  regex,
  required,
} from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';

import { visitKindChoices } from './visitLog';

const validateMobile = [regex(/^\+?[0-9\s\-()]{5,20}$/, 'crm.validation.mobile')];

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
);

/** A walk-in or call, shared by VisitLogCreate and VisitLogEdit. It counts even without a lead. */
export const VisitLogInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 800 }}>
    <RadioButtonGroupInput source="kind" choices={visitKindChoices} validate={required()} />
    <Grid>
      <CrmDateTimeInput source="visitedAt" validate={required()} />
      <NumberInput source="partySize" validate={[number(), minValue(1)]} min={1} />
      <TextInput source="product" />
      <TextInput source="name" />
      <TextInput source="mobile" type="tel" validate={validateMobile} />
    </Grid>
    <BooleanInput source="contactLeft" />
    <TextInput source="note" multiline minRows={2} fullWidth />
  </Box>
);
