import { DataTable, ReferenceField, SearchInput, TextField } from 'react-admin';

import { ConfigList } from '../common/ConfigList';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const DepartmentList = () => (
  <ConfigList resource="departments" filters={filters}>
    <DataTable.Col source="name" />
    <DataTable.Col source="parent">
      <ReferenceField source="parent" reference="departments" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
    </DataTable.Col>
    <DataTable.NumberCol source="order" />
  </ConfigList>
);

export default DepartmentList;
