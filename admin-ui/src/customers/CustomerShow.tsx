import { Box, Chip, Stack } from '@mui/material';
import {
  BooleanField,
  DataTable,
  EditButton,
  EmailField,
  Labeled,
  Pagination,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextArrayField,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { DateOnlyField, DateTimeField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { PhoneField } from '../common/PhoneField';
import { MoneyField } from '../common/Money';
import { StageReferenceField } from '../common/ReferenceLink';
import { RelatedCreateButton } from '../common/RelatedCreateButton';
import { Section, ShowHeader } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { StatusField } from '../common/StatusField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import { InteractionTable } from '../interactions/InteractionFields';
import { genderChoices, type Customer } from './customer';
import { CustomerTypeField, HOT_RED } from './CustomerFields';
import { CustomSection } from '../common/custom';
import { CustomerMessages } from './CustomerMessages';

const CustomerHeader = () => {
  const record = useRecordContext<Customer>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <ShowHeader
      title={<Box component="span" sx={record.hot ? { color: HOT_RED } : undefined}>{record.name}</Box>}
      chips={
        <>
          <LevelChip />
          <CustomerTypeField />
          {record.hot ? <Chip size="small" sx={{ bgcolor: HOT_RED, color: '#fff' }} label={translate('crm.customer.hot')} /> : null}
          {record.inPool ? <Chip size="small" color="warning" label={translate('crm.customer.in_pool')} /> : null}
        </>
      }
      actions={
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <TransitionButtons />
          <RelatedCreateButton resource="interactions" label="crm.common.new_follow_up" record={{ customer: record.id }} />
          <RelatedCreateButton resource="opportunities" label="crm.common.new_opportunity" record={{ customer: record.id }} />
          <EditButton variant="outlined" />
        </Stack>
      }
    />
  );
};

const CustomerDetails = () => {
  const translate = useTranslate();
  return (
    <>
      <Section title="crm.customer.section_basic">
        <Labeled><TextField source="source" emptyText="—" /></Labeled>
        <Labeled label="resources.customers.fields.owner">
          <StaffReferenceField source="owner" emptyText={translate('crm.common.unassigned')} />
        </Labeled>
        <Labeled><SelectField source="gender" choices={genderChoices} emptyText="—" /></Labeled>
        <Labeled><DateOnlyField source="birthday" emptyText="—" /></Labeled>
        <Labeled><TextField source="company" emptyText="—" /></Labeled>
        <Labeled><TextField source="industry" emptyText="—" /></Labeled>
        <Labeled><TextArrayField source="tags" emptyText="—" /></Labeled>
      </Section>
      <Section title="crm.customer.section_contact">
        <Labeled label="resources.customers.fields.mobile"><PhoneField source="mobile" /></Labeled>
        <Labeled><EmailField source="email" emptyText="—" /></Labeled>
        <Labeled><TextField source="wechat" emptyText="—" /></Labeled>
        <Labeled><TextField source="province" emptyText="—" /></Labeled>
        <Labeled><TextField source="city" emptyText="—" /></Labeled>
        <Labeled><TextField source="address" emptyText="—" /></Labeled>
        <Labeled><BooleanField source="smsOptOut" looseValue /></Labeled>
        <Labeled><BooleanField source="emailOptOut" looseValue /></Labeled>
      </Section>
      <CustomSection entity="customer" />
      <Section title="crm.customer.section_follow_up">
        <Labeled><DateTimeField source="lastFollowUpAt" emptyText="—" /></Labeled>
        <Labeled><DateTimeField source="nextFollowUpAt" emptyText="—" /></Labeled>
        <Labeled><DateTimeField source="createdAt" /></Labeled>
      </Section>
    </>
  );
};

const CustomerOpportunities = () => (
  <ReferenceManyField reference="opportunities" target="customer" sort={{ field: 'createdAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="stage">
        <StageReferenceField source="stage" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status" field={StatusField} />
      <DataTable.Col source="estimatedValue" field={MoneyField} />
      <DataTable.Col source="owner">
        <StaffReferenceField source="owner" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

const CustomerInteractions = () => (
  <ReferenceManyField reference="interactions" target="customer" sort={{ field: 'start', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
    <InteractionTable showCustomer={false} />
  </ReferenceManyField>
);

const CustomerShowLayout = () => {
  const { permissions } = usePermissions<Me>();
  return (
    <Box sx={{ p: 2 }}>
      <CustomerHeader />
      <TabbedShowLayout sx={{ p: 0, '& .RaTabbedShowLayout-content': { px: 0 } }}>
        <TabbedShowLayout.Tab label="crm.customer.tab_details">
          <CustomerDetails />
        </TabbedShowLayout.Tab>
        {canDo(permissions, 'opportunities', 'list') ? (
          <TabbedShowLayout.Tab label="crm.customer.tab_opportunities" path="opportunities">
            <CustomerOpportunities />
          </TabbedShowLayout.Tab>
        ) : null}
        {canDo(permissions, 'interactions', 'list') ? (
          <TabbedShowLayout.Tab label="crm.customer.tab_interactions" path="interactions">
            <CustomerInteractions />
          </TabbedShowLayout.Tab>
        ) : null}
        {canDo(permissions, 'messages', 'list') ? (
          <TabbedShowLayout.Tab label="crm.customer.tab_messages" path="messages">
            <CustomerMessages />
          </TabbedShowLayout.Tab>
        ) : null}
        <TabbedShowLayout.Tab label="crm.customer.tab_history" path="history">
          <Timeline title={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Box>
  );
};

export const CustomerShow = () => (
  <Show<Customer> actions={false}>
    <CustomerShowLayout />
  </Show>
);

export default CustomerShow;
