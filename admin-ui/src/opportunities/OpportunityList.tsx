import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SimpleList, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { BulkAssignButton } from '../common/BulkAssignButton';
import type { Opportunity } from './opportunity';
import { opportunityColumns, opportunityFilters } from './OpportunityFields';
import { CustomColumns, useCustomFilters } from '../common/custom';

export const OpportunityList = () => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const rowClick = canDo(permissions, 'opportunities', 'show') ? 'show' : canDo(permissions, 'opportunities', 'edit') ? 'edit' : false;
  return (
    <List<Opportunity>
      filters={useCustomFilters('opportunity', opportunityFilters)}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList<Opportunity>
          primaryText={record => record.name}
          secondaryText={record => (record.estimatedValue != null ? `¥${record.estimatedValue.toLocaleString()}` : '')}
          tertiaryText={record => translate(`crm.status.opportunities.${record.status}`, { _: record.status })}
          linkType={rowClick}
        />
      ) : (
        <DataTable<Opportunity>
          rowClick={rowClick}
          bulkActionButtons={canDo(permissions, 'opportunities', 'assign') ? <BulkAssignButton /> : false}
        >
          {opportunityColumns()}
          <CustomColumns entity="opportunity" />
        </DataTable>
      )}
    </List>
  );
};

export default OpportunityList;
