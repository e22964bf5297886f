import { BooleanField, DataTable, FunctionField, TextInput, useTranslate } from 'react-admin';

import { ConfigList } from '../common/ConfigList';

const filters = [<TextInput key="q" source="q" alwaysOn />];

export const HolidayList = () => {
  const translate = useTranslate();
  return (
    <ConfigList resource="holidays" sort={{ field: 'date', order: 'ASC' }} filters={filters}>
      <DataTable.Col source="date" />
      <DataTable.Col source="name" />
      <DataTable.Col source="kind">
        <FunctionField render={(r: { kind?: string }) => translate(`crm.holidays.kinds.${r.kind ?? 'custom'}`)} />
      </DataTable.Col>
      <DataTable.Col source="greeting" />
      <DataTable.Col source="active" field={BooleanField} />
    </ConfigList>
  );
};

export default HolidayList;
