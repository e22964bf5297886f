import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';

/** Chip colours per status value, shared by every resource that has one. */
const COLORS: Record<string, ChipProps['color']> = {
  // leads
  active: 'primary',
  qualified: 'success',
  disqualified: 'default',
  // opportunities
  open: 'primary',
  won: 'success',
  lost: 'error',
  closed: 'default',
  // interactions
  planned: 'info',
  done: 'success',
  cancelled: 'default',
};

/** Statuses shown filled (the ones still being worked on). */
const FILLED = new Set(['active', 'open', 'planned', 'won']);

interface StatusFieldProps {
  source?: string;
  label?: string;
  /** the resource whose status words to use (`crm.status.<resource>.<value>`); the current one by default */
  resource?: string;
}

/** A record's status (or state) as a translated, coloured chip. */
export const StatusField = ({ source = 'status', resource: resourceProp }: StatusFieldProps) => {
  const record = useRecordContext();
  const contextResource = useResourceContext();
  const translate = useTranslate();
  const resource = resourceProp ?? contextResource;
  const value = record?.[source] as string | undefined;
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant={FILLED.has(value) ? 'filled' : 'outlined'}
      color={COLORS[value] ?? 'default'}
      label={translate(`crm.status.${resource}.${value}`, { _: value })}
    />
  );
};
