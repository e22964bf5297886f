import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface StaffInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  filter?: Record<string, unknown>;
  fullWidth?: boolean;
}

/** Picks a staff member (resource `staff`, searched by name, username or mobile). */
export const StaffInput = ({ source, label, validate, helperText, filter, fullWidth = true }: StaffInputProps) => (
  <ReferenceInput source={source} reference="staff" sort={{ field: 'displayName', order: 'ASC' }} filter={filter}>
    <AutocompleteInput
      optionText="displayName"
      label={label}
      validate={validate}
      helperText={helperText}
      fullWidth={fullWidth}
      filterToQuery={q => ({ q })}
    />
  </ReferenceInput>
);
