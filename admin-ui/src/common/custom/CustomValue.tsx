import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { CustomField } from './useCustomFields';

/** One custom value as text: options as chips, booleans in words, dates as stored (no zone shift). */
export const CustomValue = ({ field }: { field: CustomField }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = (record?.custom as Record<string, unknown> | null | undefined)?.[field.key];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return <span>—</span>;
  if (field.type === 'boolean') return <span>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</span>;
  if (field.type === 'multiselect' && Array.isArray(value)) {
    return (
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
        {value.map(v => (
          <Chip key={String(v)} label={String(v)} size="small" />
        ))}
      </Stack>
    );
  }
  if (field.type === 'number' && typeof value === 'number') return <span>{value.toLocaleString()}</span>;
  return <span>{String(value)}</span>;
};
