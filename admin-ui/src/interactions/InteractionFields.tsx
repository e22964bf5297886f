import { createElement, type ComponentType, type ReactElement } from 'react';
import { Box, Chip, Stack } from '@mui/material';
import CallOutlinedIcon from '@mui/icons-material/CallOutlined';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import SmsOutlinedIcon from '@mui/icons-material/SmsOutlined';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import {
  DataTable,
  SearchInput,
  SelectInput,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';

import { canDo, type Me } from '../auth/permissions';
import { DateTimeField } from '../common/DateTimeField';
import { CustomerReferenceField, OpportunityReferenceField } from '../common/ReferenceLink';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { StatusField } from '../common/StatusField';
import { TransitionButtons } from '../common/TransitionButtons';
import { kindChoices, OVERDUE_BG, OVERDUE_RED, priorityChoices, stateChoices, type Interaction } from './interaction';
import { CustomColumns } from '../common/custom';

const KIND_ICONS: Record<string, ComponentType<{ fontSize?: 'small' }>> = {
  phone: CallOutlinedIcon,
  visit: StorefrontOutlinedIcon,
  appointment: EventOutlinedIcon,
  sms: SmsOutlinedIcon,
  email: EmailOutlinedIcon,
  letter: MailOutlinedIcon,
};

/** The follow-up kind (电话, 到访, …) with its icon. */
export const KindField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!record?.kind) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary', whiteSpace: 'nowrap' }}>
      {createElement(KIND_ICONS[record.kind] ?? EventOutlinedIcon, { fontSize: 'small' })}
      <span>{translate(`crm.interaction_kind.${record.kind}`, { _: record.kind })}</span>
    </Stack>
  );
};

/** The start time; red with an "overdue" chip when a planned follow-up is late. */
export const StartField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      <Box component="span" sx={record.overdue ? { color: OVERDUE_RED, fontWeight: 600 } : undefined}>
        <DateTimeField source="start" />
      </Box>
      {record.overdue ? (
        <Chip size="small" color="error" label={translate('crm.interaction.overdue')} data-testid="overdue-chip" />
      ) : null}
    </Stack>
  );
};

export const PriorityField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Interaction>();
  const translate = useTranslate();
  if (!record?.priority || record.priority === 'normal') return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.priority === 'high' ? 'warning' : 'default'}
      label={translate(`crm.priority.${record.priority}`)}
    />
  );
};

/** The subject, with the priority when it is not the usual one. */
export const SubjectField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Interaction>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <span>{record.subject}</span>
      <PriorityField />
    </Stack>
  );
};

/** The outcome on one line (the full text is on the follow-up's page). */
const OutcomeField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Interaction>();
  if (!record?.outcome) return null;
  return (
    <Box
      component="span"
      title={record.outcome}
      sx={{ display: 'block', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {record.outcome}
    </Box>
  );
};

export const interactionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={stateChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <SelectInput key="priority" source="priority" choices={priorityChoices} />,
  <CrmDateTimeInput key="start_gte" source="start_gte" />,
  <CrmDateTimeInput key="start_lte" source="start_lte" />,
];

/** Overdue rows in light red. */
export const overdueRowSx = (record: Interaction) => (record.overdue ? { backgroundColor: OVERDUE_BG } : {});

interface InteractionTableProps {
  showCustomer?: boolean;
  showOpportunity?: boolean;
  showOwner?: boolean;
  showOutcome?: boolean;
  /** row checkboxes and what they offer (the main list) */
  bulkActionButtons?: ReactElement | false;
}

/** Follow-up rows: when, how, what, state, and complete / cancel where allowed. */
export const InteractionTable = ({
  showCustomer = true,
  showOpportunity = true,
  showOwner,
  showOutcome = true,
  bulkActionButtons = false,
}: InteractionTableProps) => {
  const { permissions } = usePermissions<Me>();
  // A consultant's follow-ups are their own: the owner column is for managers and admins.
  const ownerColumn = showOwner ?? permissions?.role !== 'sales';
  const rowClick = canDo(permissions, 'interactions', 'show') ? 'show' : canDo(permissions, 'interactions', 'edit') ? 'edit' : false;
  return (
    <DataTable<Interaction> rowClick={rowClick} rowSx={overdueRowSx} bulkActionButtons={bulkActionButtons}>
      <DataTable.Col source="start" field={StartField} />
      <DataTable.Col source="kind" field={KindField} />
      <DataTable.Col source="subject" field={SubjectField} />
      <DataTable.Col source="state" field={StatusField} />
      {showCustomer ? (
        <DataTable.Col source="customer">
          <CustomerReferenceField source="customer" emptyText="—" />
        </DataTable.Col>
      ) : null}
      {showOpportunity ? (
        <DataTable.Col source="opportunity">
          <OpportunityReferenceField source="opportunity" emptyText="—" />
        </DataTable.Col>
      ) : null}
      {showOutcome ? <DataTable.Col source="outcome" field={OutcomeField} /> : null}
      {ownerColumn ? (
        <DataTable.Col source="owner">
          <StaffReferenceField source="owner" emptyText="—" />
        </DataTable.Col>
      ) : null}
      <CustomColumns entity="interaction" />
      <DataTable.Col label="crm.common.actions" disableSort>
        <TransitionButtons dense />
      </DataTable.Col>
    </DataTable>
  );
};
