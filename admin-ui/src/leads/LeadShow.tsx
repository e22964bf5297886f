import { Box, Card, CardContent, Stack } from '@mui/material';
import {
  EditButton,
  EmailField,
  Labeled,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { PhoneField } from '../common/PhoneField';
import { DateTimeField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { CustomerReferenceField, OpportunityReferenceField } from '../common/ReferenceLink';
import { RelatedCreateButton } from '../common/RelatedCreateButton';
import { Section, ShowHeader, Wide } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import type { Lead } from './lead';
import { LeadStatusField } from './LeadStatusField';
import { CustomSection } from '../common/custom';
import { QuestionnairePanel } from '../questionnaires/QuestionnairePanel';

const LeadShowLayout = () => {
  const record = useRecordContext<Lead>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, alignItems: 'start' }}>
      <Card variant="outlined" sx={{ border: 'none' }}>
        <CardContent>
          <ShowHeader
            title={record.subject}
            chips={<LeadStatusField />}
            actions={
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                <TransitionButtons />
                {record.status === 'active' ? (
                  <RelatedCreateButton
                    resource="interactions"
                    label="crm.common.new_follow_up"
                    record={{ lead: record.id, customer: record.customer ?? undefined }}
                  />
                ) : null}
                <EditButton variant="outlined" />
              </Stack>
            }
          />
          <Section title="crm.lead.section_basic">
            <Labeled><TextField source="source" emptyText="—" /></Labeled>
            <Labeled label="resources.leads.fields.level"><LevelChip /></Labeled>
            <Labeled label="resources.leads.fields.owner">
              <StaffReferenceField source="owner" emptyText={translate('crm.lead.unassigned')} />
            </Labeled>
            {record.status === 'disqualified' || record.closeReason ? (
              <Labeled><TextField source="closeReason" emptyText="—" /></Labeled>
            ) : null}
            <Wide>
              <Labeled fullWidth>
                <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
              </Labeled>
            </Wide>
          </Section>
          <Section title="crm.lead.section_contact">
            <Labeled><TextField source="targetCustomer" emptyText="—" /></Labeled>
            <Labeled><TextField source="targetContact" emptyText="—" /></Labeled>
            <Labeled label="resources.leads.fields.mobile"><PhoneField source="mobile" /></Labeled>
            <Labeled><EmailField source="email" emptyText="—" /></Labeled>
          </Section>
          <CustomSection entity="lead" />
          {record.customer || record.opportunity ? (
            <Section title="crm.lead.section_conversion">
              <Labeled label="resources.leads.fields.customer">
                <CustomerReferenceField source="customer" emptyText="—" />
              </Labeled>
              <Labeled label="resources.leads.fields.opportunity">
                <OpportunityReferenceField source="opportunity" emptyText="—" />
              </Labeled>
            </Section>
          ) : null}
          <QuestionnairePanel target="lead" />
          <Section title="crm.lead.section_record">
            <Labeled><DateTimeField source="createdAt" /></Labeled>
            <Labeled><DateTimeField source="updatedAt" /></Labeled>
          </Section>
        </CardContent>
      </Card>
      <Timeline />
    </Box>
  );
};

export const LeadShow = () => (
  <Show<Lead> actions={false}>
    <LeadShowLayout />
  </Show>
);

export default LeadShow;
