import { Box } from '@mui/material';
import { BooleanInput, CheckboxGroupInput, TextInput, required } from 'react-admin';

import { useWebhookEvents } from './useWebhookEvents';

export const WEBHOOK_FIELDS = ['name', 'url', 'events', 'active', 'description'] as const;

// the server refuses it too, naming the field; this catches a typo before the round trip
const httpUrl = (v: unknown) => (v && !/^https?:\/\/\S+$/.test(String(v)) ? 'crm.errors.codes.invalid_webhook_url' : undefined);
const someEvent = (v: unknown) => (!Array.isArray(v) || !v.length ? 'crm.errors.codes.events_required' : undefined);

/** A webhook subscription: shared by WebhookCreate and WebhookEdit. The secret is the server's. */
export const WebhookInputs = () => {
  const events = useWebhookEvents();
  return (
    <Box sx={{ width: '100%', maxWidth: 640 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="url" validate={[required(), httpUrl]} helperText="crm.webhooks.url_help" fullWidth />
      <CheckboxGroupInput source="events" choices={events} validate={someEvent} row={false} />
      <BooleanInput source="active" />
      <TextInput source="description" multiline minRows={2} fullWidth />
    </Box>
  );
};
