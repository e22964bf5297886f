import { Alert, Box } from '@mui/material';
import { required, TextInput, useRecordContext, useTranslate } from 'react-admin';

import { SourceInput } from '../common/ConfigInputs';
import type { Questionnaire } from './questionnaire';
import { QuestionsInput } from './QuestionsInput';

/** A questionnaire's own fields and its ordered questions, shared by create and edit. */
export const QuestionnaireInputs = () => {
  const record = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 900 }}>
      {record?.id ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('crm.questionnaire.revision', { revision: record.revision ?? 1 })}
          {' · '}
          {translate('crm.questionnaire.revision_hint', { next: (record.revision ?? 1) + 1 })}
        </Alert>
      ) : null}
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      {/* the source given to the leads its public form creates */}
      <SourceInput source="source" />
      <QuestionsInput />
    </Box>
  );
};
