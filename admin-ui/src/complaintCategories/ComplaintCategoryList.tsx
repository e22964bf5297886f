import { BooleanField, DataTable } from 'react-admin';

import { ConfigList } from '../common/ConfigList';

export const ComplaintCategoryList = () => (
  <ConfigList resource="complaint-categories">
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="name" />
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default ComplaintCategoryList;
