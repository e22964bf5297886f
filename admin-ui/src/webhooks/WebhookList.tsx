import { Chip, Stack } from '@mui/material';
import { BooleanField, DataTable, FunctionField, List, SearchInput, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { eventLabel } from './useWebhookEvents';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Webhook subscriptions: where each integration's events go. */
export const WebhookList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="url" />
        <DataTable.Col source="events">
          <FunctionField
            render={(r: { events?: string[] }) => (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {(r.events ?? []).map((e) => <Chip key={e} size="small" label={eventLabel(translate, e)} />)}
              </Stack>
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default WebhookList;
