import {
  BooleanField,
  DataTable,
  List,
  Pagination,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  usePermissions,
} from 'react-admin';

import { CrmDateTimeInput } from '../common/CrmDateTimeInput';

import { canDo, type Me } from '../auth/permissions';
import { DateTimeField } from '../common/DateTimeField';
import { SavedViews } from '../common/SavedViews';
import { LeadReferenceField } from '../common/ReferenceLink';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { TransitionButtons } from '../common/TransitionButtons';
import { visitKindChoices, type VisitLog } from './visitLog';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={visitKindChoices} alwaysOn />,
  <CrmDateTimeInput key="visitedAt_gte" source="visitedAt_gte" />,
  <CrmDateTimeInput key="visitedAt_lte" source="visitedAt_lte" />,
];

/** 客流登记: every walk-in and call, newest first, with 转为线索 where no lead exists yet. */
export const VisitLogList = () => {
  const { permissions } = usePermissions<Me>();
  const rowClick = canDo(permissions, 'visit-logs', 'show') ? 'show' : canDo(permissions, 'visit-logs', 'edit') ? 'edit' : false;
  return (
    <List<VisitLog>
      filters={filters}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={{ field: 'visitedAt', order: 'DESC' }}
      exporter={false}
    >
      <SavedViews resource="visit-logs" who="creator" views={['mine', 'all', 'today']} />
      <DataTable<VisitLog> rowClick={rowClick} bulkActionButtons={false}>
        <DataTable.Col source="visitedAt" field={DateTimeField} />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={visitKindChoices} />
        </DataTable.Col>
        <DataTable.NumberCol source="partySize" />
        <DataTable.Col source="name">
          <TextField source="name" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="mobile">
          <TextField source="mobile" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="product">
          <TextField source="product" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="contactLeft" field={BooleanField} />
        <DataTable.Col source="lead">
          <LeadReferenceField source="lead" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="creator">
          <StaffReferenceField source="creator" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="crm.common.actions" disableSort>
          <TransitionButtons dense />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default VisitLogList;
