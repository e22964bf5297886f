import { useMediaQuery, type Theme } from '@mui/material';
import { List, Pagination, SimpleList, useLocaleState, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { formatDateTime } from '../common/dates';
import { OVERDUE_RED, type Interaction } from './interaction';
import { interactionFilters, InteractionTable } from './InteractionFields';
import { useCustomFilters } from '../common/custom';

export const InteractionList = () => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const rowClick = canDo(permissions, 'interactions', 'show') ? 'show' : 'edit';
  return (
    <List<Interaction>
      filters={useCustomFilters('interaction', interactionFilters)}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={{ field: 'start', order: 'DESC' }}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList<Interaction>
          primaryText={record => record.subject}
          secondaryText={record => formatDateTime(record.start, locale)}
          tertiaryText={record => translate(`crm.status.interactions.${record.state}`)}
          rowSx={record => (record.overdue ? { color: OVERDUE_RED } : {})}
          linkType={rowClick}
        />
      ) : (
        <InteractionTable />
      )}
    </List>
  );
};

export default InteractionList;
