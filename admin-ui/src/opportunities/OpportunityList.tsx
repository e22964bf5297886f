import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SimpleList, useLocaleState, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useBulkActions } from '../common/BulkActions';
import { LevelInput } from '../common/ConfigInputs';
import { createdRangeFilters, useOwnerFilter } from '../common/ListFilters';
import { formatYuan } from '../common/Money';
import { SavedViews } from '../common/SavedViews';
import { OPPORTUNITY_LIST, type Opportunity } from './opportunity';
import { opportunityColumns, opportunityFilters } from './OpportunityFields';
import { CustomColumns, useCustomFilters } from '../common/custom';

export const OpportunityList = () => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const [locale] = useLocaleState();
  const rowClick = canDo(permissions, 'opportunities', 'show') ? 'show' : canDo(permissions, 'opportunities', 'edit') ? 'edit' : false;
  const bulk = useBulkActions('opportunities', ['close']);
  const filters = [...opportunityFilters, <LevelInput key="level" source="level" />, ...useOwnerFilter('opportunities'), ...createdRangeFilters()];
  return (
    <List<Opportunity>
      filters={useCustomFilters('opportunity', filters)}
      perPage={OPPORTUNITY_LIST.perPage}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={OPPORTUNITY_LIST.sort}
      exporter={false}
    >
      <SavedViews
        resource="opportunities"
        views={canDo(permissions, 'opportunities', 'assign') ? ['mine', 'team', 'all', 'today'] : ['mine', 'all', 'today']}
      />
      {isSmall ? (
        <SimpleList<Opportunity>
          primaryText={record => record.name}
          secondaryText={record => (record.estimatedValue != null ? formatYuan(record.estimatedValue, locale) : '')}
          tertiaryText={record => translate(`crm.status.opportunities.${record.status}`, { _: record.status })}
          linkType={rowClick}
        />
      ) : (
        <DataTable<Opportunity>
          rowClick={rowClick}
          bulkActionButtons={bulk}
        >
          {opportunityColumns()}
          <CustomColumns entity="opportunity" />
        </DataTable>
      )}
    </List>
  );
};

export default OpportunityList;
