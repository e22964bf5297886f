import { Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { Link, useCreatePath, useDataProvider, useGetList, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { formatDateTime } from '../common/dates';
import { describeError } from '../common/errors';
import { eventLabel } from './useWebhookEvents';

interface Attempt { at: string; outcome: 'sent' | 'retry' | 'failed'; code: number | null; error: string | null }
interface Delivery {
  id: number; subject: string; status: string; attempts: number; attemptLog?: Attempt[] | null;
  nextAttemptAt?: string | null; lastError?: string | null; createdAt: string; linkResource?: string | null; linkId?: number | null;
}

const COLOR: Record<string, 'success' | 'warning' | 'error' | 'default'> = { sent: 'success', queued: 'warning', retry: 'warning', failed: 'error' };

/** One delivery's attempts, oldest first: when, what the receiver answered, the error. */
const Attempts = ({ log }: { log: Attempt[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!log.length) return <>—</>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="webhook-attempts">
      {log.map((a, i) => (
        <li key={i}>
          {formatDateTime(a.at, locale)} · {translate(`crm.webhooks.outcome.${a.outcome}`)} · {a.code ?? '—'}
          {a.error ? <Typography component="span" variant="caption" color="text.secondary"> · {a.error}</Typography> : null}
        </li>
      ))}
    </Box>
  );
};

/** The deliveries of the subscription shown: newest first, with their attempts; a failed one can be sent again. */
export const WebhookDeliveries = () => {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const createPath = useCreatePath();
  const { data = [], refetch } = useGetList<Delivery>(
    'messages',
    { filter: { to: `webhook-subscription:${record?.id}` }, sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: !!record },
  );
  if (!record) return null;
  const redeliver = async (delivery: number) => {
    try {
      await dataProvider.action('webhook-subscriptions', record.id, 'redeliver', { delivery });
      notify('crm.webhooks.redelivered', { type: 'info' });
      await refetch();
    } catch (e) {
      notify(describeError(e, translate), { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate('crm.webhooks.deliveries')}</Typography>
          <Typography variant="caption" color="text.secondary">{translate('crm.webhooks.header_help')}</Typography>
        </Stack>
        {!data.length ? (
          <Typography color="text.secondary">{translate('crm.webhooks.no_deliveries')}</Typography>
        ) : (
          <Table size="small" data-testid="webhook-deliveries">
            <TableHead>
              <TableRow>
                <TableCell>{translate('crm.webhooks.delivery')}</TableCell>
                <TableCell>{translate('crm.webhooks.event')}</TableCell>
                <TableCell>{translate('crm.webhooks.queued_at')}</TableCell>
                <TableCell>{translate('resources.messages.fields.status')}</TableCell>
                <TableCell>{translate('crm.webhooks.attempts')}</TableCell>
                <TableCell>{translate('crm.webhooks.next_retry')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((d) => (
                <TableRow key={d.id} data-testid={`webhook-delivery-${d.id}`}>
                  <TableCell>#{d.id}</TableCell>
                  <TableCell>
                    {eventLabel(translate, d.subject)}
                    {d.linkResource && d.linkId ? (
                      <>
                        {' · '}
                        <Link to={createPath({ resource: d.linkResource, id: d.linkId, type: 'show' })}>
                          {translate(`resources.${d.linkResource}.name`, { smart_count: 1, _: d.linkResource })} #{d.linkId}
                        </Link>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{formatDateTime(d.createdAt, locale)}</TableCell>
                  <TableCell>
                    <Chip size="small" color={COLOR[d.status] ?? 'default'} label={translate(`crm.messages.statuses.${d.status}`, { _: d.status })} />
                  </TableCell>
                  <TableCell><Attempts log={d.attemptLog ?? []} /></TableCell>
                  <TableCell>{d.status === 'queued' && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, locale) : '—'}</TableCell>
                  <TableCell>
                    {d.status === 'failed' && (
                      <Button size="small" startIcon={<ReplayIcon />} onClick={() => redeliver(d.id)}>{translate('crm.webhooks.redeliver')}</Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
