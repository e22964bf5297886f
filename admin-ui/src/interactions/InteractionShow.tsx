import { Alert, Box, Stack } from '@mui/material';
import {
  EditButton,
  Labeled,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { CustomerReferenceField, LeadReferenceField, OpportunityReferenceField } from '../common/ReferenceLink';
import { Section, ShowHeader, Wide } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { StatusField } from '../common/StatusField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import type { Interaction } from './interaction';
import { KindField, PriorityField, StartField } from './InteractionFields';
import { CustomSection } from '../common/custom';

const InteractionShowLayout = () => {
  const record = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, p: 2, alignItems: 'start' }}>
      <Box>
        <ShowHeader
          title={record.subject}
          chips={
            <>
              <StatusField source="state" />
              <PriorityField />
            </>
          }
          actions={
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <TransitionButtons />
              {record.state === 'planned' ? <EditButton variant="outlined" /> : null}
            </Stack>
          }
        />
        {record.overdue ? (
          <Alert severity="error" variant="outlined" sx={{ mb: 2 }}>
            {translate('crm.interaction.overdue')}
          </Alert>
        ) : null}
        <Section title="crm.interaction.section_plan">
          <Labeled label="resources.interactions.fields.kind"><KindField /></Labeled>
          <Labeled label="resources.interactions.fields.start"><StartField /></Labeled>
          <Labeled><DateTimeField source="end" emptyText="—" /></Labeled>
          <Labeled><TextField source="place" emptyText="—" /></Labeled>
          <Labeled><TextField source="attendee" emptyText="—" /></Labeled>
          <Labeled><DateTimeField source="reminderAt" emptyText="—" /></Labeled>
          <Labeled label="resources.interactions.fields.owner">
            <StaffReferenceField source="owner" emptyText="—" />
          </Labeled>
          <Wide>
            <Labeled fullWidth>
              <TextField source="content" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Wide>
        </Section>
        <Section title="crm.interaction.section_links">
          <Labeled label="resources.interactions.fields.customer">
            <CustomerReferenceField source="customer" emptyText="—" />
          </Labeled>
          <Labeled label="resources.interactions.fields.opportunity">
            <OpportunityReferenceField source="opportunity" emptyText="—" />
          </Labeled>
          <Labeled label="resources.interactions.fields.lead">
            <LeadReferenceField source="lead" emptyText="—" />
          </Labeled>
        </Section>
        <CustomSection entity="interaction" />
        {record.outcome ? (
          <Section title="crm.interaction.section_result" columns={2}>
            <Wide>
              <Labeled fullWidth>
                <TextField source="outcome" sx={{ whiteSpace: 'pre-wrap' }} />
              </Labeled>
            </Wide>
          </Section>
        ) : null}
      </Box>
      <Timeline />
    </Box>
  );
};

export const InteractionShow = () => (
  <Show<Interaction> actions={false}>
    <InteractionShowLayout />
  </Show>
);

export default InteractionShow;
