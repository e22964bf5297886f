import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { Lead, LeadStatus } from './lead';

const COLORS: Record<LeadStatus, ChipProps['color']> = {
  active: 'primary',
  qualified: 'success',
  disqualified: 'default',
};

/** The lead status as a translated, coloured chip. */
export const LeadStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Lead>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      variant={record.status === 'active' ? 'filled' : 'outlined'}
      color={COLORS[record.status] ?? 'default'}
      label={translate(`crm.status.leads.${record.status}`, { _: record.status })}
    />
  );
};
