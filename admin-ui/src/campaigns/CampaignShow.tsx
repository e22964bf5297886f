import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import PreviewOutlinedIcon from '@mui/icons-material/PreviewOutlined';
import {
  EditButton, FunctionField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar,
  useDataProvider, useLocaleState, useNotify, useRecordContext, useTranslate,
} from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { formatDateTime } from '../common/dates';
import { describeError } from '../common/errors';
import { DateTimeField } from '../common/DateTimeField';
import { StatusField } from '../common/StatusField';
import { TransitionButtons } from '../common/TransitionButtons';
import { CampaignCounts, type CampaignCountsValue } from './CampaignCounts';

interface Skipped { customer: number; name: string; reason: string }
interface Preview { total: number; recipients: number; skippedCount: number; reasons: Record<string, number>; skipped: Skipped[]; sample: string | null; quietUntil: string | null }

const SkippedList = ({ rows }: { rows: Skipped[] }) => {
  const translate = useTranslate();
  if (!rows.length) return null;
  return (
    <Box>
      <Typography variant="subtitle2">{translate('crm.campaigns.skipped_title')}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="campaign-skipped">
        {rows.map((s) => (
          <li key={s.customer}>{s.name}：{translate(`crm.campaigns.reasons.${s.reason}`, { _: s.reason })}</li>
        ))}
      </Box>
    </Box>
  );
};

/** Preview: how many receive it, who is skipped and why, and one rendered message. */
const PreviewPanel = () => {
  const record = useRecordContext<{ id: number; actions?: string[] }>();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [locale] = useLocaleState();
  if (!record || !record.actions?.includes('preview')) return null;
  const run = async () => {
    setBusy(true);
    try {
      setPreview((await dataProvider.action<Preview>('campaigns', record.id, 'preview')).data as unknown as Preview);
    } catch (e) {
      notify(describeError(e, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h6">{translate('crm.campaigns.preview_title')}</Typography>
            <Button variant="outlined" startIcon={<PreviewOutlinedIcon />} onClick={run} disabled={busy}>
              {translate('crm.actions.campaigns.preview')}
            </Button>
          </Stack>
          {preview && (
            <>
              <Typography data-testid="campaign-recipients">
                {translate('crm.campaigns.recipients', { total: preview.total, recipients: preview.recipients, skipped: preview.skippedCount })}
              </Typography>
              <CampaignCounts counts={{ reasons: preview.reasons }} />
              {preview.quietUntil && <Alert severity="info">{translate('crm.campaigns.quiet', { time: formatDateTime(preview.quietUntil, locale) })}</Alert>}
              {preview.sample && (
                <Labeled label="crm.campaigns.sample">
                  <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="campaign-sample">{preview.sample}</Typography>
                </Labeled>
              )}
              <SkippedList rows={preview.skipped} />
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

const Actions = () => {
  const record = useRecordContext<{ status?: string }>();
  return (
    <TopToolbar>
      <TransitionButtons exclude={['preview']} />
      {record?.status === 'draft' && <EditButton />}
    </TopToolbar>
  );
};

export const CampaignShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <FunctionField source="channel" render={(r: { channel?: string }) => translate(`crm.campaigns.channels.${r.channel ?? 'sms'}`)} />
        <StatusField source="status" />
        <DateTimeField source="sendAt" />
        <TextField source="subject" emptyText="—" />
        <TextField source="template" sx={{ whiteSpace: 'pre-wrap' }} />
        <FunctionField label="crm.campaigns.counts_title" render={(r: { counts?: CampaignCountsValue | null }) => <CampaignCounts counts={r.counts} />} />
        <FunctionField source="skipped" render={(r: { skipped?: Skipped[] | null }) => <SkippedList rows={r.skipped ?? []} />} />
      </SimpleShowLayout>
      <PreviewPanel />
    </Show>
  );
};

export default CampaignShow;
