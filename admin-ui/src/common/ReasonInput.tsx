import { Autocomplete, TextField } from '@mui/material';
import { InputHelperText, useInput, useTranslate, type InputProps } from 'react-admin';

import { useCloseReasons, type CloseReasonKind } from './useConfig';

interface ReasonInputProps extends Omit<InputProps, 'source'> {
  source: string;
  kind: CloseReasonKind;
  label?: string;
}

/**
 * A close / loss reason: one of the configured reasons (`close-reasons` of `kind`)
 * or free text. Travels as the reason's text.
 */
export const ReasonInput = ({ kind, label, ...props }: ReasonInputProps) => {
  const translate = useTranslate();
  const { data: reasons } = useCloseReasons(kind);
  const { field, fieldState, isRequired } = useInput<string | null>(props);
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Autocomplete<string, false, false, true>
      freeSolo
      options={reasons.map(r => r.name)}
      value={field.value ?? ''}
      onChange={(_event, value) => field.onChange(value ?? '')}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') field.onChange(value);
      }}
      renderInput={params => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          onBlur={field.onBlur}
          label={`${translate(label ?? 'crm.action_fields.reason')}${isRequired ? ' *' : ''}`}
          error={Boolean(error)}
          helperText={<InputHelperText error={error} helperText="crm.action_fields.reason_hint" />}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
};
