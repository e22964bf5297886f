import { Link, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/**
 * A mobile number that calls when tapped (`tel:`), the way consultants work from a phone; a
 * masked one (a pool customer's 138****3525) is only shown.
 */
export const PhoneField = ({ source, emptyText = '—' }: { source: string; emptyText?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string' || !value) return <Typography component="span" variant="body2">{emptyText}</Typography>;
  if (value.includes('*')) {
    return (
      <Typography component="span" variant="body2" title={translate('crm.phone.masked')}>
        {value}
      </Typography>
    );
  }
  return (
    <Link href={`tel:${value.replace(/[^\d+]/g, '')}`} variant="body2" onClick={e => e.stopPropagation()} data-testid="tel-link">
      {value}
    </Link>
  );
};
