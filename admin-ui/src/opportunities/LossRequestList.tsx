import { Alert } from '@mui/material';
import { DataTable, List, Pagination, ResourceContextProvider, TextField, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { CustomerReferenceField } from '../common/ReferenceLink';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { TransitionButtons } from '../common/TransitionButtons';
import type { Opportunity } from './opportunity';

const PENDING = { lossRequested: true };

/** 战败申请: the loss requests waiting for a manager — approve, reject (with a note) or reassign. */
export const LossRequestList = () => {
  const translate = useTranslate();
  return (
    <ResourceContextProvider value="opportunities">
      <Alert severity="info" variant="outlined" sx={{ mt: 2, mb: -1 }}>
        {translate('crm.loss.hint')}
      </Alert>
      <List<Opportunity>
        resource="opportunities"
        filter={PENDING}
        storeKey="opportunities.lossRequests"
        disableSyncWithLocation
        title="crm.loss.title"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        sort={{ field: 'updatedAt', order: 'DESC' }}
        exporter={false}
        actions={false}
        empty={<EmptyList message="crm.loss.empty" />}
      >
        <DataTable<Opportunity> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="customer">
            <CustomerReferenceField source="customer" />
          </DataTable.Col>
          <DataTable.Col source="owner">
            <StaffReferenceField source="owner" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="lossReason">
            <TextField source="lossReason" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="competitor">
            <TextField source="competitor" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="updatedAt" field={DateTimeField} />
          <DataTable.Col label="crm.common.actions" disableSort>
            <TransitionButtons only={['approve-loss', 'reject-loss', 'reassign']} dense />
          </DataTable.Col>
        </DataTable>
      </List>
    </ResourceContextProvider>
  );
};

export default LossRequestList;
