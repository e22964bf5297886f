import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  NumberField,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DateOnlyField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { MoneyField } from '../common/Money';
import { CustomerReferenceField, StageReferenceField } from '../common/ReferenceLink';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { StatusField } from '../common/StatusField';
import { useStages } from '../common/useConfig';
import { opportunityStatusChoices, type Opportunity } from './opportunity';

/** The stage filter: the configured stages in order. */
const StageFilter = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const { data: stages } = useStages();
  return <SelectInput source={source} choices={stages.map(s => ({ id: s.id, name: s.name }))} />;
};

export const opportunityFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={opportunityStatusChoices} alwaysOn />,
  <StageFilter key="stage" source="stage" />,
  <ReferenceInput key="customer" source="customer" reference="customers">
    <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="lossRequested" source="lossRequested" />,
];

/** Status, plus a "loss requested" chip while a request waits for the manager. */
export const OpportunityStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Opportunity>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <StatusField resource="opportunities" />
      {record.lossRequested ? (
        <Chip size="small" color="warning" variant="outlined" label={translate('resources.opportunities.fields.lossRequested')} />
      ) : null}
    </Stack>
  );
};

export const ProbabilityField = (_props: { source?: string; label?: string }) => (
  <NumberField source="probability" options={{ style: 'unit', unit: 'percent' }} emptyText="—" />
);

/** The loss request (reason, competitor) or the manager's rejection note, when there is one. */
export const LossRequestBanner = () => {
  const record = useRecordContext<Opportunity>();
  const translate = useTranslate();
  if (!record || (!record.lossRequested && !record.lossNote && record.status !== 'lost')) return null;
  const severity = record.lossRequested ? 'warning' : record.status === 'lost' ? 'error' : 'info';
  const title = record.lossRequested
    ? 'crm.opportunity.loss_pending'
    : record.status === 'lost'
      ? 'crm.status.opportunities.lost'
      : 'crm.opportunity.loss_rejected';
  return (
    <Alert severity={severity} variant="outlined" sx={{ mb: 2 }} data-testid="loss-banner">
      <Typography variant="subtitle2">{translate(title)}</Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2 }}>
        {record.lossReason ? (
          <>
            <dt>{translate('resources.opportunities.fields.lossReason')}</dt>
            <dd style={{ margin: 0 }}>{record.lossReason}</dd>
          </>
        ) : null}
        {record.competitor ? (
          <>
            <dt>{translate('resources.opportunities.fields.competitor')}</dt>
            <dd style={{ margin: 0 }}>{record.competitor}</dd>
          </>
        ) : null}
        {record.lossNote && !record.lossRequested ? (
          <>
            <dt>{translate('resources.opportunities.fields.lossNote')}</dt>
            <dd style={{ margin: 0 }}>{record.lossNote}</dd>
          </>
        ) : null}
      </Box>
    </Alert>
  );
};

/** The opportunity columns shared by the list and the customer's page. */
export const opportunityColumns = ({ showCustomer = true }: { showCustomer?: boolean } = {}) => [
  <DataTable.Col key="name" source="name" />,
  showCustomer ? (
    <DataTable.Col key="customer" source="customer">
      <CustomerReferenceField source="customer" />
    </DataTable.Col>
  ) : null,
  <DataTable.Col key="stage" source="stage">
    <StageReferenceField source="stage" emptyText="—" />
  </DataTable.Col>,
  <DataTable.Col key="status" source="status" field={OpportunityStatusField} />,
  <DataTable.Col key="level" source="level" field={LevelChip} />,
  <DataTable.Col key="estimatedValue" source="estimatedValue" field={MoneyField} align="right" />,
  <DataTable.NumberCol key="probability" source="probability" field={ProbabilityField} />,
  <DataTable.Col key="expectedCloseDate" source="expectedCloseDate" field={DateOnlyField} />,
  <DataTable.Col key="owner" source="owner">
    <StaffReferenceField source="owner" emptyText="—" />
  </DataTable.Col>,
];
