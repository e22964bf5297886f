import { BooleanField, DataTable, FunctionField, List, SelectInput, TextInput, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { StatusField } from '../common/StatusField';
import type { Questionnaire } from './questionnaire';

const STATUSES = ['draft', 'published', 'archived'].map(id => ({ id, name: `crm.status.questionnaires.${id}` }));

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUSES} alwaysOn />,
];

/** Questionnaires (调查问卷), most recently changed first. */
export const QuestionnaireList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} exporter={false}>
      <DataTable<Questionnaire> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="revision">
          <FunctionField<Questionnaire> render={r => translate('crm.questionnaire.revision', { revision: r.revision ?? 1 })} />
        </DataTable.Col>
        <DataTable.Col source="questions" disableSort>
          <FunctionField<Questionnaire> render={r => String(r.questions?.length ?? 0)} />
        </DataTable.Col>
        <DataTable.Col source="public">
          <BooleanField source="public" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" field={DateTimeField} />
      </DataTable>
    </List>
  );
};

export default QuestionnaireList;
