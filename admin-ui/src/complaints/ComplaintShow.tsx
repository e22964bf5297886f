import { Box, Chip, Stack } from '@mui/material';
import {
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { Section, ShowHeader, Wide } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { Timeline } from '../common/Timeline';
import { TransitionButtons } from '../common/TransitionButtons';
import { channelChoices, severityChoices, statusChoices, type Complaint } from './complaint';
import { ComplaintCountdown, LateFlags } from './Countdown';
import { CustomerName } from './CustomerName';

const ComplaintShowLayout = () => {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, p: 2, alignItems: 'start' }}>
      <Box>
        <ShowHeader
          title={record.title}
          chips={
            <>
              <Chip size="small" label={translate(`crm.status.complaints.${record.status}`, { _: record.status })} />
              <Chip size="small" variant="outlined" label={translate(`crm.complaint_severity.${record.severity}`, { _: record.severity })} />
              <ComplaintCountdown />
              <LateFlags />
            </>
          }
          actions={
            <Stack direction="row" spacing={1}>
              {/* 受理/转交/解决/关闭/重新打开: exactly what the server's `actions` allow */}
              <TransitionButtons />
              <EditButton variant="outlined" />
            </Stack>
          }
        />
        <Section title="crm.complaint.section_complaint">
          <Labeled label="resources.complaints.fields.customer">
            <CustomerName />
          </Labeled>
          <Labeled><SelectField source="channel" choices={channelChoices} /></Labeled>
          <Labeled><TextField source="category" emptyText="—" /></Labeled>
          <Labeled><SelectField source="severity" choices={severityChoices} /></Labeled>
          <Labeled><SelectField source="status" choices={statusChoices} /></Labeled>
          <Labeled><DateTimeField source="createdAt" /></Labeled>
          <Wide>
            <Labeled fullWidth>
              <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Wide>
        </Section>
        <Section title="crm.complaint.section_handling">
          <Labeled label="resources.complaints.fields.assignee">
            <StaffReferenceField source="assignee" emptyText="—" />
          </Labeled>
          <Labeled label="resources.complaints.fields.department">
            <ReferenceField source="department" reference="departments" link={false} emptyText="—" />
          </Labeled>
          <Labeled label="resources.complaints.fields.creator">
            <StaffReferenceField source="creator" emptyText="—" />
          </Labeled>
          <Labeled><DateTimeField source="firstResponseDueAt" emptyText="—" /></Labeled>
          <Labeled><DateTimeField source="firstResponseAt" emptyText="—" /></Labeled>
          <Labeled><DateTimeField source="resolveDueAt" emptyText="—" /></Labeled>
          <Labeled><DateTimeField source="resolvedAt" emptyText="—" /></Labeled>
          <Labeled><DateTimeField source="closedAt" emptyText="—" /></Labeled>
          <Labeled><NumberField source="satisfaction" emptyText="—" /></Labeled>
          <Wide>
            <Labeled fullWidth>
              <TextField source="resolution" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
            </Labeled>
          </Wide>
          {record.reopenReason ? (
            <Wide>
              <Labeled fullWidth><TextField source="reopenReason" /></Labeled>
            </Wide>
          ) : null}
        </Section>
      </Box>
      <Timeline />
    </Box>
  );
};

export const ComplaintShow = () => (
  <Show<Complaint> actions={false}>
    <ComplaintShowLayout />
  </Show>
);

export default ComplaintShow;
