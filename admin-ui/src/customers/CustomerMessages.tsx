import { DataTable, FunctionField, Pagination, ReferenceManyField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';

interface MessageRow { channel?: string; status?: string; skipReason?: string | null; purpose?: string }

/** The messages sent (or held, or skipped) to a customer: the outbox rows about them, newest first. */
export const CustomerMessages = () => {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="messages" target="customer" sort={{ field: 'id', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <FunctionField render={(r: MessageRow) => translate(`crm.messages.channels.${r.channel}`, { _: r.channel ?? '' })} />
        </DataTable.Col>
        <DataTable.Col source="purpose">
          <FunctionField render={(r: MessageRow) => translate(`crm.messages.purposes.${r.purpose}`, { _: r.purpose ?? '' })} />
        </DataTable.Col>
        <DataTable.Col source="subject" />
        <DataTable.Col source="body" />
        <DataTable.Col source="status">
          <FunctionField
            render={(r: MessageRow) =>
              `${translate(`crm.messages.statuses.${r.status}`, { _: r.status ?? '' })}${r.skipReason ? `（${translate(`crm.campaigns.reasons.${r.skipReason}`, { _: r.skipReason })}）` : ''}`
            }
          />
        </DataTable.Col>
        <DataTable.Col source="sentAt">
          <DateTimeField source="sentAt" />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};
