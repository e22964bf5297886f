import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import {
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  minValue,
  number,
  required,
} from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';
import { MobileInput } from '../common/MobileInput';

import { visitKindChoices } from './visitLog';


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
      <MobileInput />
    </Grid>
    <BooleanInput source="contactLeft" />
    <TextInput source="note" multiline minRows={2} fullWidth />
  </Box>
);
