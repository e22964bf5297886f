import { AutocompleteInput, ReferenceInput, useTranslate, type RaRecord, type Validator } from 'react-admin';

interface StaffInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  filter?: Record<string, unknown>;
  fullWidth?: boolean;
}

/**
 * Picks a staff member (resource `staff`, searched by name, username or mobile).
 * Only active colleagues are offered; a deactivated one already in the field still shows
 * (resolved by id), marked and not pickable again.
 */
export const StaffInput = ({ source, label, validate, helperText, filter, fullWidth = true }: StaffInputProps) => {
  const translate = useTranslate();
  const optionText = (staff: RaRecord) =>
    staff.active === false ? `${String(staff.displayName)}（${translate('crm.staff.inactive')}）` : String(staff.displayName ?? staff.username);
  return (
    <ReferenceInput source={source} reference="staff" sort={{ field: 'displayName', order: 'ASC' }} filter={{ active: true, ...filter }}>
      <AutocompleteInput
        optionText={optionText}
        inputText={optionText}
        label={label}
        validate={validate}
        helperText={helperText}
        fullWidth={fullWidth}
        filterToQuery={q => ({ q })}
        getOptionDisabled={(staff: RaRecord) => staff.active === false}
      />
    </ReferenceInput>
  );
};
