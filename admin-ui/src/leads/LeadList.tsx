import { useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable,
  List,
  Pagination,
  SearchInput,
  SelectInput,
  SimpleList,
  usePermissions,
  useTranslate,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useBulkActions } from '../common/BulkActions';
import { LevelInput, SourceInput } from '../common/ConfigInputs';
import { createdRangeFilters, useOwnerFilter } from '../common/ListFilters';
import { ExportListActions } from '../common/ServerExportButton';
import { SavedViews } from '../common/SavedViews';
import { DateTimeField } from '../common/DateTimeField';
import { LevelChip } from '../common/LevelChip';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { LEAD_LIST, leadStatusChoices, type Lead } from './lead';
import { LeadStatusField } from './LeadStatusField';
import { CustomColumns, useCustomFilters } from '../common/custom';

const leadFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={leadStatusChoices} />,
  <SourceInput key="source" source="source" />,
  <LevelInput key="level" source="level" />,
];

const LeadPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />;

export const LeadList = () => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const bulk = useBulkActions('leads', ['close']);
  const filters = [...leadFilters, ...useOwnerFilter('leads'), ...createdRangeFilters()];
  const rowClick = canDo(permissions, 'leads', 'show') ? 'show' : canDo(permissions, 'leads', 'edit') ? 'edit' : false;

  return (
    <List<Lead>
      filters={useCustomFilters('lead', filters)}
      perPage={LEAD_LIST.perPage}
      pagination={<LeadPagination />}
      sort={LEAD_LIST.sort}
      exporter={false}
      actions={<ExportListActions />}
    >
      <SavedViews
        resource="leads"
        views={canDo(permissions, 'leads', 'assign') ? ['mine', 'team', 'all', 'unassigned', 'today'] : ['mine', 'all', 'today']}
      />
      {isSmall ? (
        <SimpleList<Lead>
          primaryText={record => record.subject}
          secondaryText={record => [record.targetCustomer, record.mobile].filter(Boolean).join(' · ')}
          tertiaryText={record => translate(`crm.status.leads.${record.status}`, { _: record.status })}
          linkType={rowClick}
        />
      ) : (
        <DataTable<Lead> rowClick={rowClick} bulkActionButtons={bulk}>
          <DataTable.Col source="subject" />
          <DataTable.Col source="targetCustomer" />
          <DataTable.Col source="mobile" />
          <DataTable.Col source="source" />
          <DataTable.Col source="level" field={LevelChip} />
          <DataTable.Col source="status" field={LeadStatusField} />
          <DataTable.Col source="owner">
            <StaffReferenceField source="owner" emptyText={translate('crm.lead.unassigned')} />
          </DataTable.Col>
          <CustomColumns entity="lead" />
          <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
      )}
    </List>
  );
};

export default LeadList;
