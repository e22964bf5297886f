import { BooleanField, DataTable, SelectField, SelectInput, TextField } from 'react-admin';

import { ConfigList } from '../common/ConfigList';
import { entityChoices, typeChoices } from './customField';

const filters = [<SelectInput key="entity" source="entity" choices={entityChoices} alwaysOn />];

export const CustomFieldList = () => (
  <ConfigList resource="custom-fields" filters={filters}>
    <DataTable.Col source="entity">
      <SelectField source="entity" choices={entityChoices} />
    </DataTable.Col>
    <DataTable.NumberCol source="order" />
    <DataTable.Col source="label" />
    <DataTable.Col source="labelEn">
      <TextField source="labelEn" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col source="key" />
    <DataTable.Col source="type">
      <SelectField source="type" choices={typeChoices} />
    </DataTable.Col>
    <DataTable.Col source="required" field={BooleanField} />
    <DataTable.Col source="filterable" field={BooleanField} />
    <DataTable.Col source="showInList" field={BooleanField} />
    <DataTable.Col source="active" field={BooleanField} />
  </ConfigList>
);

export default CustomFieldList;
