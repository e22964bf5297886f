import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
} from 'react-admin';

import { LevelInput, StageInput } from '../common/ConfigInputs';
import { CustomInputs } from '../common/custom';

const validateCustomer = [required()];
const validateName = [maxLength(200)];
const validateProbability = [number(), minValue(0, 'crm.validation.probability'), maxValue(100, 'crm.validation.probability')];
const validateValue = [number(), minValue(0)];
const searchByName = (q: string) => ({ q });

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
);

/**
 * The opportunity inputs, shared by OpportunityCreate and OpportunityEdit. Status, the
 * loss request and the owner are never inputs: they change through the actions.
 */
export const OpportunityInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    <Grid>
      <ReferenceInput source="customer" reference="customers">
        <AutocompleteInput optionText="name" validate={validateCustomer} filterToQuery={searchByName} />
      </ReferenceInput>
      <TextInput source="product" />
    </Grid>
    <TextInput source="name" validate={validateName} helperText="crm.opportunity.name_hint" fullWidth />
    <Grid>
      <StageInput source="stage" />
      <LevelInput source="level" />
      <NumberInput source="estimatedValue" validate={validateValue} min={0} step={1000} />
      <NumberInput
        source="probability"
        validate={validateProbability}
        min={0}
        max={100}
        helperText="crm.opportunity.probability_hint"
      />
      <DateInput source="expectedCloseDate" />
    </Grid>
    <ReferenceArrayInput source="visitors" reference="customers">
      <AutocompleteArrayInput optionText="name" filterToQuery={searchByName} />
    </ReferenceArrayInput>
    <CustomInputs entity="opportunity" />
  </Box>
);
