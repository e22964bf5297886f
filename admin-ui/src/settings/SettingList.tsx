import { Box } from '@mui/material';
import { DataTable, TextField, useRecordContext, useTranslate } from 'react-admin';

import { ConfigList } from '../common/ConfigList';
import { formatValue, type Setting } from './setting';

/** The key, with its meaning in words for the shipped ones. */
const KeyField = (_props: { source?: string }) => {
  const record = useRecordContext<Setting>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <div>{translate(`crm.setting_keys.${record.key}`, { _: record.key })}</div>
      <Box component="code" sx={{ color: 'text.secondary', fontSize: 12 }}>
        {record.key}
      </Box>
    </Box>
  );
};

const ValueField = (_props: { source?: string }) => {
  const record = useRecordContext<Setting>();
  if (!record) return null;
  return (
    <Box component="code" sx={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
      {formatValue(record.value)}
    </Box>
  );
};

export const SettingList = () => (
  <ConfigList resource="settings" sort={{ field: 'key', order: 'ASC' }}>
    <DataTable.Col source="key" field={KeyField} />
    <DataTable.Col source="value" field={ValueField} disableSort />
    <DataTable.Col source="description">
      <TextField source="description" emptyText="—" />
    </DataTable.Col>
  </ConfigList>
);

export default SettingList;
