import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { CustomField } from './useCustomFields';

/** One custom value as text: options as chips, booleans in words, dates as stored (no zone shift). */
const Text = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

export const CustomValue = ({ field }: { field: CustomField }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = (record?.custom as Record<string, unknown> | null | undefined)?.[field.key];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return <Text>—</Text>;
  if (field.type === 'boolean') return <Text>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</Text>;
  if (field.type === 'multiselect' && Array.isArray(value)) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
        {value.map(v => (
          <Chip key={String(v)} label={String(v)} size="small" />
        ))}
      </Stack>
    );
  }
  if (field.type === 'number' && typeof value === 'number') return <Text>{value.toLocaleString()}</Text>;
  return <Text>{String(value)}</Text>;
};
