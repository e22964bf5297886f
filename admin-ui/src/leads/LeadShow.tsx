import type { ReactNode } from 'react';
import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  EmailField,
  Labeled,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { StaffReferenceField } from '../common/StaffReferenceField';
import type { Lead } from './lead';
import { LeadStatusField } from './LeadStatusField';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 600, letterSpacing: 1 }}>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 1.5 }} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' },
          columnGap: 3,
          rowGap: 1,
        }}
      >
        {children}
      </Box>
    </Box>
  );
};

const LeadHeader = () => {
  const record = useRecordContext<Lead>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 3, flexWrap: 'wrap' }}>
      <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
        {record.subject}
      </Typography>
      <LeadStatusField />
    </Stack>
  );
};

const LeadShowLayout = () => {
  const record = useRecordContext<Lead>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ border: 'none' }}>
      <CardContent>
        <LeadHeader />
        <Section title="crm.lead.section_basic">
          <Labeled><TextField source="source" emptyText="—" /></Labeled>
          <Labeled><TextField source="level" emptyText="—" /></Labeled>
          <Labeled label="resources.leads.fields.owner">
            <StaffReferenceField source="owner" emptyText={translate('crm.lead.unassigned')} />
          </Labeled>
          {record.status === 'disqualified' || record.closeReason ? (
            <Labeled><TextField source="closeReason" emptyText="—" /></Labeled>
          ) : null}
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Labeled fullWidth>
              <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Box>
        </Section>
        <Section title="crm.lead.section_contact">
          <Labeled><TextField source="targetCustomer" emptyText="—" /></Labeled>
          <Labeled><TextField source="targetContact" emptyText="—" /></Labeled>
          <Labeled><TextField source="mobile" emptyText="—" /></Labeled>
          <Labeled><EmailField source="email" emptyText="—" /></Labeled>
        </Section>
        <Section title="crm.lead.section_record">
          <Labeled><DateTimeField source="createdAt" /></Labeled>
          <Labeled><DateTimeField source="updatedAt" /></Labeled>
        </Section>
      </CardContent>
    </Card>
  );
};

export const LeadShow = () => (
  <Show<Lead>>
    <LeadShowLayout />
  </Show>
);

export default LeadShow;
