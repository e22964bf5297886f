import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  ListContextProvider,
  Loading,
  SelectField,
  TextField,
  Title,
  useList,
  useTranslate,
} from 'react-admin';

import { API_URL, authFetchJson } from '../auth/session';
import { DateTimeField } from '../common/DateTimeField';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { severityChoices, statusChoices, type Complaint } from './complaint';
import { ComplaintCountdown, LateFlags } from './Countdown';
import { CustomerName } from './CustomerName';

const readFilter = (raw: string | null): Record<string, unknown> | undefined => {
  try {
    const v = raw ? JSON.parse(raw) : undefined;
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

/**
 * 投诉处理队列: the complaints still being worked that the user sees, in the server's order
 * (GET /api/crm/complaint-queue: most severe first, then the oldest), late ones flagged and
 * every deadline counting down.
 */
export const ComplaintList = () => {
  const translate = useTranslate();
  const [rows, setRows] = useState<Complaint[] | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    authFetchJson(`${API_URL}/crm/complaint-queue`)
      .then(({ json }) => live && setRows(Array.isArray(json) ? (json as Complaint[]) : []))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  // a dashboard bar opens the queue with its filter (`?filter={"status":…,"severity":…}`)
  const [params] = useSearchParams();
  const filter = readFilter(params.get('filter'));
  // the server's order is the queue's: no client-side sort or paging of its own
  const list = useList<Complaint>({ data: rows ?? [], isPending: rows === undefined, perPage: 1000, resource: 'complaints', filter });
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('crm.complaint.queue_title')} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6">{translate('crm.complaint.queue_title')}</Typography>
        <CreateButton resource="complaints" />
      </Stack>
      {failed ? <Alert severity="error">{translate('crm.complaint.queue_error')}</Alert> : null}
      {rows === undefined && !failed ? (
        <Loading />
      ) : (
        <ListContextProvider value={list}>
          <DataTable<Complaint> resource="complaints" rowClick="show" bulkActionButtons={false} empty={<Typography sx={{ p: 2 }}>{translate('crm.complaint.queue_empty')}</Typography>}>
            <DataTable.Col source="severity" disableSort>
              <SelectField source="severity" choices={severityChoices} />
            </DataTable.Col>
            <DataTable.Col source="title" disableSort />
            <DataTable.Col source="customer" disableSort>
              <CustomerName />
            </DataTable.Col>
            <DataTable.Col source="category" disableSort>
              <TextField source="category" emptyText="—" />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
              <SelectField source="status" choices={statusChoices} />
            </DataTable.Col>
            <DataTable.Col source="assignee" disableSort>
              <StaffReferenceField source="assignee" emptyText="—" />
            </DataTable.Col>
            <DataTable.Col source="createdAt" field={DateTimeField} disableSort />
            <DataTable.Col label="crm.complaint.deadline" disableSort>
              <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                <ComplaintCountdown />
                <LateFlags />
              </Stack>
            </DataTable.Col>
          </DataTable>
        </ListContextProvider>
      )}
    </Box>
  );
};

export default ComplaintList;
