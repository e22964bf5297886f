import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  maxLength,
  required,
} from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';

import { kindChoices, priorityChoices } from './interaction';
import { CustomInputs } from '../common/custom';

const validateSubject = [required(), maxLength(200)];
const validateRequired = [required()];
const byName = (q: string) => ({ q });
/** Planned (跟进计划) or already done (跟进记录): chosen once, when the follow-up is created. */
const createStateChoices = [
  { id: 'planned', name: 'crm.status.interactions.planned' },
  { id: 'done', name: 'crm.status.interactions.done' },
];

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>{children}</Box>
);

/** Opportunities of the chosen customer only, once one is chosen. */
const OpportunityInput = () => (
  <FormDataConsumer<{ customer?: unknown }>>
    {({ formData }) => (
      <ReferenceInput
        source="opportunity"
        reference="opportunities"
        filter={formData.customer ? { customer: formData.customer } : {}}
      >
        <AutocompleteInput optionText="name" filterToQuery={byName} />
      </ReferenceInput>
    )}
  </FormDataConsumer>
);

/** The outcome: asked for (and required) when a follow-up is recorded as done. */
const OutcomeInput = ({ creating }: { creating: boolean }) => (
  <FormDataConsumer<{ state?: string }>>
    {({ formData }) =>
      creating && formData.state !== 'done' ? null : (
        <TextInput
          source="outcome"
          multiline
          minRows={2}
          fullWidth
          validate={formData.state === 'done' ? validateRequired : undefined}
        />
      )
    }
  </FormDataConsumer>
);

/**
 * The follow-up inputs, shared by InteractionCreate and InteractionEdit. On create the
 * state is planned or done; afterwards it changes only through complete / cancel.
 */
export const InteractionInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    {creating ? <RadioButtonGroupInput source="state" choices={createStateChoices} validate={validateRequired} /> : null}
    <Grid>
      <SelectInput source="kind" choices={kindChoices} validate={validateRequired} />
      <SelectInput source="priority" choices={priorityChoices} />
    </Grid>
    <TextInput source="subject" validate={validateSubject} fullWidth />
    <Grid>
      <CrmDateTimeInput source="start" validate={validateRequired} />
      <CrmDateTimeInput source="end" />
      <TextInput source="place" />
      <TextInput source="attendee" />
      <ReferenceInput source="customer" reference="customers">
        <AutocompleteInput optionText="name" filterToQuery={byName} />
      </ReferenceInput>
      <OpportunityInput />
      <ReferenceInput source="lead" reference="leads">
        <AutocompleteInput optionText="subject" filterToQuery={byName} />
      </ReferenceInput>
      <CrmDateTimeInput source="reminderAt" />
    </Grid>
    <TextInput source="content" multiline minRows={3} fullWidth />
    <OutcomeInput creating={creating} />
    <CustomInputs entity="interaction" />
  </Box>
);
