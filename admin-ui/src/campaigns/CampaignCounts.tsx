import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface CampaignCountsValue {
  audience?: number;
  queued?: number;
  pending?: number;
  sent?: number;
  failed?: number;
  skipped?: number;
  reasons?: Record<string, number>;
}

const ORDER = ['audience', 'queued', 'pending', 'sent', 'failed', 'skipped'] as const;

/** A campaign's counts as chips, skips with their reasons, in the UI language. */
export const CampaignCounts = ({ counts }: { counts?: CampaignCountsValue | null }) => {
  const translate = useTranslate();
  if (!counts) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {ORDER.filter((k) => counts[k] !== undefined).map((k) => (
        <Chip key={k} size="small" color={k === 'failed' && counts[k] ? 'error' : k === 'sent' ? 'success' : 'default'}
          label={`${translate(`crm.campaigns.counts.${k}`)} ${counts[k]}`} />
      ))}
      {Object.entries(counts.reasons ?? {}).filter(([, n]) => n > 0).map(([reason, n]) => (
        <Chip key={reason} size="small" variant="outlined" label={`${translate(`crm.campaigns.reasons.${reason}`, { _: reason })} ${n}`} />
      ))}
    </Stack>
  );
};
