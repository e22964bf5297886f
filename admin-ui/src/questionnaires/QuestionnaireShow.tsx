import { useState } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { EditButton, Labeled, Show, TabbedShowLayout, TextField, usePermissions, useRecordContext, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { DateTimeField } from '../common/DateTimeField';
import { Section, ShowHeader } from '../common/Section';
import { StaffReferenceField } from '../common/StaffReferenceField';
import { StatusField } from '../common/StatusField';
import { TransitionButtons } from '../common/TransitionButtons';
import { PublicFormPanel } from './PublicFormPanel';
import type { Answers, Questionnaire } from './questionnaire';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ResultsPanel } from './ResultsPanel';

/** The generated form as a consultant will see it; answers stay in the page (nothing is sent). */
const Preview = () => {
  const record = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  const [answers, setAnswers] = useState<Answers>({});
  if (!record) return null;
  return (
    <Box sx={{ py: 2, maxWidth: 720 }} data-testid="questionnaire-preview">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('crm.questionnaire.preview_hint', { revision: record.revision ?? 1 })}
      </Typography>
      {record.description ? <Typography sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>{record.description}</Typography> : null}
      <QuestionnaireForm questions={record.questions ?? []} answers={answers} onChange={setAnswers} />
    </Box>
  );
};

const QuestionnaireShowLayout = () => {
  const record = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Me>();
  if (!record) return null;
  const canEdit = canDo(permissions, 'questionnaires', 'edit');
  return (
    <Box sx={{ p: 2 }}>
      <ShowHeader
        title={record.title}
        chips={
          <>
            <StatusField source="status" />
            <Chip size="small" variant="outlined" label={translate('crm.questionnaire.revision', { revision: record.revision ?? 1 })} data-testid="revision-chip" />
            {record.public ? <Chip size="small" color="success" variant="outlined" label={translate('crm.questionnaire.public_on')} /> : null}
          </>
        }
        actions={
          <Stack direction="row" spacing={1}>
            {/* 发布 / 归档: what the server's `actions` allow */}
            <TransitionButtons />
            {canEdit && record.status !== 'archived' ? <EditButton variant="outlined" /> : null}
          </Stack>
        }
      />
      <TabbedShowLayout sx={{ p: 0, '& .RaTabbedShowLayout-content': { px: 0 } }}>
        <TabbedShowLayout.Tab label="crm.questionnaire.tab_preview">
          <Section title="crm.questionnaire.section_basic">
            <Labeled><TextField source="source" emptyText="—" /></Labeled>
            <Labeled label="resources.questionnaires.fields.creator">
              <StaffReferenceField source="creator" emptyText="—" />
            </Labeled>
            <Labeled><DateTimeField source="updatedAt" /></Labeled>
          </Section>
          <Preview />
        </TabbedShowLayout.Tab>
        {canEdit ? (
          <TabbedShowLayout.Tab label="crm.questionnaire.tab_public" path="public">
            <PublicFormPanel />
          </TabbedShowLayout.Tab>
        ) : null}
        {canDo(permissions, 'questionnaire-responses', 'results') ? (
          <TabbedShowLayout.Tab label="crm.questionnaire.tab_results" path="results">
            <ResultsPanel />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Box>
  );
};

export const QuestionnaireShow = () => (
  <Show<Questionnaire> actions={false}>
    <QuestionnaireShowLayout />
  </Show>
);

export default QuestionnaireShow;
