import { Alert, AlertTitle, Box, Chip, Stack } from '@mui/material';
import { BooleanField, EditButton, FunctionField, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { DateTimeField } from '../common/DateTimeField';
import { eventLabel } from './useWebhookEvents';
import { WebhookDeliveries } from './WebhookDeliveries';

/**
 * The secret, right after create only: it came with the create answer and is never read again.
 * It is dropped from the history entry at once, so a reload or going back does not show it.
 */
const SecretOnce = () => {
  const translate = useTranslate();
  const location = useLocation();
  const navigate = useNavigate();
  const [secret] = useState(() => (location.state as { secret?: string } | null)?.secret);
  useEffect(() => {
    if ((location.state as { secret?: string } | null)?.secret) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);
  if (!secret) return null;
  return (
    <Alert severity="warning" sx={{ m: 2 }} data-testid="webhook-secret">
      <AlertTitle>{translate('crm.webhooks.secret_title')}</AlertTitle>
      <Box component="code" sx={{ wordBreak: 'break-all', fontSize: 14 }}>{secret}</Box>
      <Box sx={{ mt: 1 }}>{translate('crm.webhooks.secret_once')}</Box>
    </Alert>
  );
};

export const WebhookShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
      <SecretOnce />
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="url" />
        <FunctionField
          source="events"
          render={(r: { events?: string[] }) => (
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
              {(r.events ?? []).map((e) => <Chip key={e} size="small" label={eventLabel(translate, e)} />)}
            </Stack>
          )}
        />
        <BooleanField source="active" />
        <TextField source="description" emptyText="—" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
      <WebhookDeliveries />
    </Show>
  );
};

export default WebhookShow;
