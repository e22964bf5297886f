import { BooleanField, DataTable, NumberField } from 'react-admin';

import { ConfigList } from '../common/ConfigList';

export const StageList = () => (
  <ConfigList resource="stages">
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="name" />
    <DataTable.NumberCol source="probability">
      <NumberField source="probability" options={{ style: 'unit', unit: 'percent' }} />
    </DataTable.NumberCol>
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default StageList;
