import { DataTable, FunctionField, List, TextInput, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { StatusField } from '../common/StatusField';
import { CampaignCounts, type CampaignCountsValue } from './CampaignCounts';

const filters = [<TextInput key="q" source="q" alwaysOn />];

/** Campaigns (群发), newest first, with their status and delivery counts. */
export const CampaignList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="channel">
          <FunctionField render={(r: { channel?: string }) => translate(`crm.campaigns.channels.${r.channel ?? 'sms'}`)} />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="sendAt">
          <DateTimeField source="sendAt" />
        </DataTable.Col>
        <DataTable.Col source="counts">
          <FunctionField render={(r: { counts?: CampaignCountsValue | null }) => <CampaignCounts counts={r.counts} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default CampaignList;
