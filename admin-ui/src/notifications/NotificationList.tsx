import { Button } from '@mui/material';
import DoneIcon from '@mui/icons-material/Done';
import {
  BooleanField,
  BooleanInput,
  DataTable,
  DateField,
  List,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';

/** Marks one notification read (`POST /notifications/:id/read`); hidden once it is. */
const MarkReadButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (!record || record.read) return null;
  return (
    <Button
      size="small"
      startIcon={<DoneIcon />}
      onClick={async (e) => {
        e.stopPropagation();
        await dataProvider.action('notifications', record.id, 'read');
        notify('crm.notifications.marked', { type: 'info' });
        refresh();
      }}
    >
      {translate('crm.notifications.mark_read')}
    </Button>
  );
};

const filters = [<TextInput key="q" source="q" alwaysOn />, <BooleanInput key="read" source="read" />];

/** The signed-in member's notifications, newest first (the server shows each only to its recipient). */
export const NotificationList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="body" sx={{ whiteSpace: 'pre-line' }} />
      <DataTable.Col source="read" field={BooleanField} />
      <DataTable.Col label={false}>
        <MarkReadButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default NotificationList;
