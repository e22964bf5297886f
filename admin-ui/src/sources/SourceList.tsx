import { BooleanField, DataTable } from 'react-admin';

import { ConfigList } from '../common/ConfigList';

export const SourceList = () => (
  <ConfigList resource="sources">
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="name" />
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default SourceList;
