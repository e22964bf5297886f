import { Box, Stack } from '@mui/material';
import {
  EditButton,
  Labeled,
  Pagination,
  ReferenceArrayField,
  ReferenceManyField,
  Show,
  SingleFieldList,
  ChipField,
  ReferenceField,
  TabbedShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { DateOnlyField, DateTimeField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { MoneyField } from '../common/Money';
import { PhoneField } from '../common/PhoneField';
import { CustomerReferenceField, LeadReferenceField, StageReferenceField } from '../common/ReferenceLink';
import { RelatedCreateButton } from '../common/RelatedCreateButton';
import { StagePath } from './StagePath';
import { Section, ShowHeader } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import { InteractionTable } from '../interactions/InteractionFields';
import type { Opportunity } from './opportunity';
import { LossRequestBanner, OpportunityStatusField, ProbabilityField } from './OpportunityFields';
import { CustomSection } from '../common/custom';
import { QuestionnairePanel } from '../questionnaires/QuestionnairePanel';

/** Other visitors (二人以上到访), as links to their customer pages. */
const VisitorsField = (_props: { label?: string }) => {
  const record = useRecordContext<Opportunity>();
  if (!record?.visitors?.length) return <span>—</span>;
  return (
    <ReferenceArrayField source="visitors" reference="customers">
      <SingleFieldList linkType="show">
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};

const OpportunityHeader = () => {
  const record = useRecordContext<Opportunity>();
  if (!record) return null;
  const canFollowUp = record.status === 'open' || record.status === 'won';
  return (
    <ShowHeader
      title={record.name}
      chips={
        <>
          <OpportunityStatusField />
          <LevelChip />
        </>
      }
      actions={
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <TransitionButtons />
          {canFollowUp ? (
            <RelatedCreateButton
              resource="interactions"
              label="crm.common.new_follow_up"
              record={{ opportunity: record.id, customer: record.customer }}
            />
          ) : null}
          {record.status !== 'closed' ? <EditButton variant="outlined" /> : null}
        </Stack>
      }
    />
  );
};

const OpportunityDetails = () => (
  <>
    <StagePath />
    <LossRequestBanner />
    <Section title="crm.opportunity.section_basic">
      <Labeled label="resources.opportunities.fields.customer">
        <CustomerReferenceField source="customer" />
      </Labeled>
      <Labeled label="crm.phone.customer_mobile">
        <ReferenceField source="customer" reference="customers" link={false}>
          <PhoneField source="mobile" />
        </ReferenceField>
      </Labeled>
      <Labeled><TextField source="product" emptyText="—" /></Labeled>
      <Labeled label="resources.opportunities.fields.stage">
        <StageReferenceField source="stage" emptyText="—" />
      </Labeled>
      <Labeled label="resources.opportunities.fields.owner">
        <StaffReferenceField source="owner" emptyText="—" />
      </Labeled>
      <Labeled label="resources.opportunities.fields.lead">
        <LeadReferenceField source="lead" emptyText="—" />
      </Labeled>
      <Labeled label="resources.opportunities.fields.visitors">
        <VisitorsField />
      </Labeled>
    </Section>
    <Section title="crm.opportunity.section_money">
      <Labeled><MoneyField source="estimatedValue" emptyText="—" /></Labeled>
      <Labeled label="resources.opportunities.fields.probability"><ProbabilityField /></Labeled>
      <Labeled><DateOnlyField source="expectedCloseDate" emptyText="—" /></Labeled>
      <Labeled><DateTimeField source="createdAt" /></Labeled>
      <Labeled><DateTimeField source="updatedAt" /></Labeled>
    </Section>
    <CustomSection entity="opportunity" />
    <QuestionnairePanel target="opportunity" />
  </>
);

const OpportunityShowLayout = () => {
  const { permissions } = usePermissions<Me>();
  return (
    <Box sx={{ p: 2 }}>
      <OpportunityHeader />
      <TabbedShowLayout sx={{ p: 0, '& .RaTabbedShowLayout-content': { px: 0 } }}>
        <TabbedShowLayout.Tab label="crm.opportunity.tab_details">
          <OpportunityDetails />
        </TabbedShowLayout.Tab>
        {canDo(permissions, 'interactions', 'list') ? (
          <TabbedShowLayout.Tab label="crm.opportunity.tab_interactions" path="interactions">
            <ReferenceManyField
              reference="interactions"
              target="opportunity"
              sort={{ field: 'start', order: 'DESC' }}
              perPage={10}
              pagination={<Pagination />}
            >
              <InteractionTable showOpportunity={false} showCustomer={false} />
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        ) : null}
        <TabbedShowLayout.Tab label="crm.opportunity.tab_history" path="history">
          <Timeline title={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Box>
  );
};

export const OpportunityShow = () => (
  <Show<Opportunity> actions={false}>
    <OpportunityShowLayout />
  </Show>
);

export default OpportunityShow;
