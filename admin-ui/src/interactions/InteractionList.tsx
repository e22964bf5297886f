import { useMediaQuery, type Theme } from '@mui/material';
import { List, Pagination, SimpleList, useLocaleState, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { useBulkActions } from '../common/BulkActions';
import { formatDateTime } from '../common/dates';
import { createdRangeFilters, useOwnerFilter } from '../common/ListFilters';
import { SavedViews } from '../common/SavedViews';
import { INTERACTION_LIST, OVERDUE_RED, type Interaction } from './interaction';
import { interactionFilters, InteractionTable } from './InteractionFields';
import { useCustomFilters } from '../common/custom';

export const InteractionList = () => {
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const isSmall = useMediaQuery<Theme>(theme => theme.breakpoints.down('md'));
  const rowClick = canDo(permissions, 'interactions', 'show') ? 'show' : 'edit';
  const bulk = useBulkActions('interactions', ['cancel']);
  const filters = [...interactionFilters, ...useOwnerFilter('leads'), ...createdRangeFilters()];
  const manager = canDo(permissions, 'leads', 'assign');
  return (
    <List<Interaction>
      filters={useCustomFilters('interaction', filters)}
      filterDefaultValues={INTERACTION_LIST.filter}
      perPage={INTERACTION_LIST.perPage}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      // follow-ups: nearest first (the overdue ones at the top)
      sort={INTERACTION_LIST.sort}
      exporter={false}
    >
      <SavedViews resource="interactions" views={manager ? ['mine', 'team', 'all', 'today'] : ['mine', 'all', 'today']} />
      {isSmall ? (
        <SimpleList<Interaction>
          primaryText={record => record.subject}
          secondaryText={record => formatDateTime(record.start, locale)}
          tertiaryText={record => translate(`crm.status.interactions.${record.state}`)}
          rowSx={record => (record.overdue ? { color: OVERDUE_RED } : {})}
          linkType={rowClick}
        />
      ) : (
        <InteractionTable bulkActionButtons={bulk} />
      )}
    </List>
  );
};

export default InteractionList;
