import { DataTable, DateField, FunctionField, List, TextInput } from 'react-admin';

const filters = [<TextInput key="job" source="job" alwaysOn />];

/** Admin: every run of the scheduled jobs, newest first, with what each did or why it failed. */
export const JobRunList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="job" />
      <DataTable.Col source="trigger" />
      <DataTable.Col source="startedAt">
        <DateField source="startedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="finishedAt">
        <DateField source="finishedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="counts">
        <FunctionField
          render={(r: { counts?: Record<string, number> | null }) =>
            Object.entries(r.counts ?? {}).map(([k, v]) => `${k} ${v}`).join(' · ')
          }
        />
      </DataTable.Col>
      <DataTable.Col source="error" />
    </DataTable>
  </List>
);

export default JobRunList;
