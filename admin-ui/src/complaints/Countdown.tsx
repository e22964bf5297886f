import { useEffect, useState } from 'react';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { durationParts, pendingDeadline, type Complaint } from './complaint';

/** Re-renders every `ms`: countdowns move without a reload. */
const useNow = (ms = 30_000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
};

/** Time left to the deadline that counts now (红色「已超时」 once passed), or nothing when done. */
export const ComplaintCountdown = () => {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const now = useNow();
  if (!record) return null;
  const pending = pendingDeadline(record);
  if (!pending) return null;
  const left = new Date(pending.due).getTime() - now;
  const { days, hours, minutes } = durationParts(left);
  const span = translate(days > 0 ? 'crm.complaint.span_days' : 'crm.complaint.span_hours', { days, hours, minutes });
  const what = translate(`crm.complaint.deadline_${pending.kind}`);
  const late = left < 0;
  return (
    <Chip
      size="small"
      color={late ? 'error' : left < 3600000 ? 'warning' : 'default'}
      variant={late ? 'filled' : 'outlined'}
      data-late={late ? 'true' : 'false'}
      label={translate(late ? 'crm.complaint.overdue_by' : 'crm.complaint.due_in', { what, span })}
    />
  );
};

/** The server's late flags (a deadline passed before the response or the resolution came). */
export const LateFlags = () => {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.lateFirstResponse ? <Chip size="small" color="error" label={translate('crm.complaint.late_first_response')} sx={{ mr: 0.5 }} /> : null}
      {record.lateResolution ? <Chip size="small" color="error" label={translate('crm.complaint.late_resolution')} /> : null}
    </>
  );
};
