import { Autocomplete, Box, FormHelperText, TextField } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';

/** What each shipped setting holds: a form per key instead of JSON text (checked again on the server). */
type Part = 'zone' | 'clock' | 'count';
export const SETTING_FORMS: Record<string, Part | Record<string, Part>> = {
  timezone: 'zone',
  reminderTime: 'clock',
  quietHours: { from: 'clock', to: 'clock' },
  pool: { maxCustomersPerOwner: 'count', claimsPerDay: 'count', reclaimAfterDays: 'count' },
  poolReturnDays: 'count',
  assignmentDeadlineDays: 'count',
  returnVisitDays: 'count',
};

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai'];
  }
})();

const read = (text: unknown): unknown => {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** One typed input; `onChange` gets the typed value (a number stays a number). */
const PartInput = ({ part, label, value, onChange, testId }: { part: Part; label: string; value: unknown; onChange: (v: unknown) => void; testId: string }) => {
  if (part === 'zone') {
    return (
      <Autocomplete
        options={ZONES}
        value={typeof value === 'string' ? value : null}
        onChange={(_, v) => onChange(v)}
        renderInput={params => <TextField {...params} label={label} variant="filled" />}
        sx={{ minWidth: 320 }}
        data-testid={testId}
      />
    );
  }
  return (
    <TextField
      label={label}
      variant="filled"
      type={part === 'clock' ? 'time' : 'number'}
      value={value ?? ''}
      onChange={e => onChange(part === 'count' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value)}
      // no browser min/max: the server's refusal names the limit in the UI language
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
  );
};

/** The value of a shipped setting as a typed form; the form field keeps the JSON text the server stores. */
export const TypedSettingInput = ({ settingKey }: { settingKey: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'value' });
  const form = SETTING_FORMS[settingKey];
  const value = read(field.value);
  const save = (v: unknown) => field.onChange(JSON.stringify(v));
  // the server's refusal (out of range, not a time zone…), in the UI language
  const error = fieldState.error?.message ? (
    <FormHelperText error data-testid="setting-error">
      {translate(fieldState.error.message, { _: fieldState.error.message })}
    </FormHelperText>
  ) : null;
  if (typeof form === 'string') {
    return (
      <Box sx={{ mb: 2 }}>
        <PartInput part={form} label={translate(`crm.setting_keys.${settingKey}`, { _: settingKey })} value={value} onChange={save} testId={`setting-${settingKey}`} />
        {error}
      </Box>
    );
  }
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return (
    <Box sx={{ mb: 2 }}>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      {Object.entries(form).map(([sub, part]) => (
        <PartInput
          key={sub}
          part={part}
          label={translate(`crm.setting_parts.${settingKey}.${sub}`, { _: sub })}
          value={obj[sub]}
          onChange={v => save({ ...obj, [sub]: v })}
          testId={`setting-${settingKey}-${sub}`}
        />
      ))}
    </Box>
    {error}
    </Box>
  );
};
