import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  RadioButtonGroupInput,
  SelectInput,
  TextArrayInput,
  TextInput,
  email,
  maxLength,
  regex,
  required,
  useTranslate,
} from 'react-admin';

import { LevelInput, SourceInput } from '../common/ConfigInputs';
import { customerTypeChoices, genderChoices } from './customer';
import { CustomInputs } from '../common/custom';

const validateName = [required(), maxLength(100)];
const validateMobile = [regex(/^\+?[0-9\s\-()]{5,20}$/, 'crm.validation.mobile')];
const validateEmail = [email()];

const Grid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, columnGap: 2 }}>
    {children}
  </Box>
);

const Heading = ({ title }: { title: string }) => (
  <Typography variant="overline" color="text.secondary" sx={{ display: 'block', fontWeight: 600, mt: 1 }}>
    {useTranslate()(title)}
  </Typography>
);

/**
 * The customer inputs, shared by CustomerCreate and CustomerEdit. `owner` and `inPool`
 * are never inputs (assign, claim, release); the follow-up times are the server's.
 */
export const CustomerInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 1000 }}>
    <Heading title="crm.customer.section_basic" />
    <Grid>
      <TextInput source="name" validate={validateName} />
      <SelectInput source="type" choices={customerTypeChoices} emptyText="crm.common.none" />
      <LevelInput source="level" />
      <SourceInput source="source" />
      <DateInput source="birthday" />
      <RadioButtonGroupInput source="gender" choices={genderChoices} />
    </Grid>
    <BooleanInput source="hot" />
    <Heading title="crm.customer.section_contact" />
    <Grid>
      <TextInput source="mobile" validate={validateMobile} type="tel" />
      <TextInput source="email" validate={validateEmail} type="email" />
      <TextInput source="wechat" />
      <TextInput source="province" />
      <TextInput source="city" />
      <TextInput source="address" />
    </Grid>
    <Heading title="crm.customer.section_more" />
    <Grid>
      <TextInput source="company" />
      <TextInput source="industry" />
    </Grid>
    <TextArrayInput source="tags" helperText="crm.customer.tags_hint" />
    <CustomInputs entity="customer" />
    <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
      <BooleanInput source="smsOptOut" />
      <BooleanInput source="emailOptOut" />
    </Box>
  </Box>
);
