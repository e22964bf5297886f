import type { ReactElement } from 'react';
import { Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable,
  List,
  Pagination,
  SimpleList,
  usePermissions,
  useRecordContext,
  useTranslate,
  type SortPayload,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useBulkActions } from '../common/BulkActions';
import { RelatedCreateButton } from '../common/RelatedCreateButton';
import { createdRangeFilters, useOwnerFilter } from '../common/ListFilters';
import { SavedViews } from '../common/SavedViews';
import { DateTimeField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { TransitionButtons } from '../common/TransitionButtons';
import { ExportListActions } from '../common/ServerExportButton';
import { CUSTOMER_LIST, type Customer } from './customer';
import { customerFilters, CustomerNameField, CustomerTypeField } from './CustomerFields';
import { CustomColumns, useCustomFilters } from '../common/custom';

const CustomerPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />;

/** The owner, or "公海" for a customer in the pool. */
const OwnerField = (_props: { source?: string }) => {
  const record = useRecordContext<Customer>();
  const translate = useTranslate();
  if (record?.inPool) return <Chip size="small" color="warning" variant="outlined" label={translate('crm.customer.in_pool')} />;
  return <StaffReferenceField source="owner" emptyText={translate('crm.common.unassigned')} />;
};

/** 跟进 on a row: a new follow-up for this customer. */
const FollowUpButton = (_props: { label?: string }) => {
  const record = useRecordContext<Customer>();
  return record ? (
    <span onClick={e => e.stopPropagation()}>
      <RelatedCreateButton resource="interactions" label="crm.stale.follow_up" record={{ customer: record.id }} />
    </span>
  ) : null;
};

/** The customer columns; the pool hides the owner, every list offers claim / release (久未跟进 also 跟进). */
export const CustomerTable = ({ showOwner = true, followUp = false }: { showOwner?: boolean; followUp?: boolean }) => {
  const { permissions } = usePermissions<Me>();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const rowClick = canDo(permissions, 'customers', 'show') ? 'show' : canDo(permissions, 'customers', 'edit') ? 'edit' : false;
  const bulk = useBulkActions('customers', ['release']);
  if (isSmall) {
    return (
      <SimpleList<Customer>
        primaryText={record => <CustomerNameField key={record.id} />}
        secondaryText={record => [record.mobile, record.company].filter(Boolean).join(' · ')}
        tertiaryText={record => record.level ?? ''}
        linkType={rowClick}
      />
    );
  }
  return (
    <DataTable<Customer>
      rowClick={rowClick}
      bulkActionButtons={showOwner === false ? false : bulk}
    >
      <DataTable.Col source="name" field={CustomerNameField} />
      <DataTable.Col source="mobile" />
      <DataTable.Col source="level" field={LevelChip} />
      <DataTable.Col source="type" field={CustomerTypeField} />
      <DataTable.Col source="source" />
      {showOwner ? (
        <DataTable.Col source="owner" field={OwnerField} />
      ) : null}
      <DataTable.Col source="lastFollowUpAt" field={DateTimeField} />
      <DataTable.Col source="nextFollowUpAt" field={DateTimeField} />
      <CustomColumns entity="customer" />
      <DataTable.Col label="crm.common.actions" disableSort>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {followUp ? <FollowUpButton /> : null}
          <TransitionButtons only={['claim', 'release']} dense />
        </Stack>
      </DataTable.Col>
    </DataTable>
  );
};

interface CustomerListViewProps {
  filter?: Record<string, unknown>;
  filters?: ReactElement[];
  sort?: SortPayload;
  storeKey?: string;
  title?: string;
  showOwner?: boolean;
  /** what an empty list says (the main list offers to create one) */
  empty?: ReactElement;
  /** saved views above the table (the main list) */
  views?: ReactElement;
  /** a 跟进 button on each row (久未跟进) */
  followUp?: boolean;
}

/** A customer list: the main one, the pool (公海) and "not followed up recently" (久未跟进). */
export const CustomerListView = ({
  filter,
  filters = customerFilters(),
  sort = CUSTOMER_LIST.sort,
  storeKey,
  title,
  showOwner,
  empty,
  views,
  followUp,
}: CustomerListViewProps) => (
  <List<Customer>
    resource="customers"
    filter={filter}
    filters={useCustomFilters('customer', filters)}
    perPage={CUSTOMER_LIST.perPage}
    pagination={<CustomerPagination />}
    sort={sort}
    storeKey={storeKey}
    disableSyncWithLocation={Boolean(storeKey)}
    title={title}
    exporter={false}
    actions={<ExportListActions filter={filter} />}
    empty={empty}
  >
    {views}
    <CustomerTable showOwner={showOwner} followUp={followUp} />
  </List>
);

export const CustomerList = () => {
  const { permissions } = usePermissions<Me>();
  const manager = canDo(permissions, 'customers', 'assign');
  return (
    <CustomerListView
      filters={[...customerFilters(), ...useOwnerFilter('customers'), ...createdRangeFilters()]}
      views={<SavedViews resource="customers" views={manager ? ['mine', 'team', 'all', 'pool', 'today'] : ['mine', 'all', 'pool', 'today']} />}
    />
  );
};

export default CustomerList;
