import { DataTable, DateField, FunctionField, List, TextInput, useTranslate } from 'react-admin';

const filters = [<TextInput key="job" source="job" alwaysOn />];

/** Admin: every run of the scheduled jobs, newest first, with what each did or why it failed. */
export const JobRunList = () => {
  const translate = useTranslate();
  // job names, triggers and count keys are the server's words: shown in the UI language
  const word = (group: string, key: string) => translate(`crm.jobs.${group}.${key}`, { _: key });
  return (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="job">
        <FunctionField render={(r: { job?: string }) => word('names', r.job ?? '')} />
      </DataTable.Col>
      <DataTable.Col source="trigger">
        <FunctionField render={(r: { trigger?: string }) => word('triggers', r.trigger ?? '')} />
      </DataTable.Col>
      <DataTable.Col source="startedAt">
        <DateField source="startedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="finishedAt">
        <DateField source="finishedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="counts">
        <FunctionField
          render={(r: { counts?: Record<string, number> | null }) =>
            Object.entries(r.counts ?? {}).map(([k, v]) => `${word('counts', k)} ${v}`).join(' · ')
          }
        />
      </DataTable.Col>
      <DataTable.Col source="error" />
    </DataTable>
  </List>
  );
};

export default JobRunList;
