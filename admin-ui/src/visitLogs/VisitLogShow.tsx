import { Box, Chip, Stack } from '@mui/material';
import {
  BooleanField,
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { LeadReferenceField } from '../common/ReferenceLink';
import { Section, ShowHeader, Wide } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import { visitKindChoices, type VisitLog } from './visitLog';
import { formatVisitTitle } from './visitLogFields';

const VisitLogShowLayout = () => {
  const record = useRecordContext<VisitLog>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, p: 2, alignItems: 'start' }}>
      <Box>
        <ShowHeader
          title={formatVisitTitle(record, translate, locale)}
          chips={record.lead ? <Chip size="small" color="success" label={translate('crm.visit_log.converted')} /> : null}
          actions={
            <Stack direction="row" spacing={1}>
              <TransitionButtons />
              <EditButton variant="outlined" />
            </Stack>
          }
        />
        <Section title="crm.visit_log.section_visit">
          <Labeled><SelectField source="kind" choices={visitKindChoices} /></Labeled>
          <Labeled><DateTimeField source="visitedAt" /></Labeled>
          <Labeled><NumberField source="partySize" emptyText="—" /></Labeled>
          <Labeled><TextField source="product" emptyText="—" /></Labeled>
          <Labeled label="resources.visit-logs.fields.creator">
            <StaffReferenceField source="creator" emptyText="—" />
          </Labeled>
          <Labeled label="resources.visit-logs.fields.lead">
            <LeadReferenceField source="lead" emptyText="—" />
          </Labeled>
        </Section>
        <Section title="crm.visit_log.section_contact">
          <Labeled><TextField source="name" emptyText="—" /></Labeled>
          <Labeled><TextField source="mobile" emptyText="—" /></Labeled>
          <Labeled><BooleanField source="contactLeft" looseValue /></Labeled>
          <Wide>
            <Labeled fullWidth>
              <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Wide>
        </Section>
      </Box>
      <Timeline />
    </Box>
  );
};

export const VisitLogShow = () => (
  <Show<VisitLog> actions={false}>
    <VisitLogShowLayout />
  </Show>
);

export default VisitLogShow;
