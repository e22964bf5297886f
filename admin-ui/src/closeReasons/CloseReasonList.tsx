import { BooleanField, DataTable, SelectField, SelectInput } from 'react-admin';

import { ConfigList } from '../common/ConfigList';
import { closeReasonKindChoices } from './CloseReasonInputs';

const filters = [<SelectInput key="kind" source="kind" choices={closeReasonKindChoices} alwaysOn />];

export const CloseReasonList = () => (
  <ConfigList resource="close-reasons" filters={filters}>
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="name" />
    <DataTable.Col source="kind">
      <SelectField source="kind" choices={closeReasonKindChoices} />
    </DataTable.Col>
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default CloseReasonList;
