import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import {
  useCreate,
  useGetList,
  useGetMany,
  useLocale,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
  type Identifier,
  type TranslateFunction,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { formatDateTime } from '../common/dates';
import { describeError } from '../common/errors';
import { questionsOf, type Answers, type Question, type Questionnaire, type QuestionnaireResponse } from './questionnaire';
import { filledAnswers, QuestionnaireForm } from './QuestionnaireForm';

type Target = 'opportunity' | 'lead';

interface Refusal {
  status?: number;
  body?: { error?: { details?: Record<string, unknown> } } | null;
}

/**
 * The server's refusal of a response, in the UI language: under the question it names
 * (`details.field` = `answers.<key>`), else above the form.
 */
const refusalOf = (error: unknown, questions: Question[], translate: TranslateFunction) => {
  const details = (error as Refusal)?.body?.error?.details ?? {};
  const field = typeof details.field === 'string' ? details.field : '';
  const key = field.startsWith('answers.') ? field.slice('answers.'.length) : '';
  const question = questions.find(q => q.key === key);
  if (key && typeof details.code === 'string') {
    const params: Record<string, unknown> = { ...details, field: question?.label ?? key };
    return { byQuestion: { [key]: translate(`crm.errors.codes.${details.code}`, { ...params, _: translate('crm.errors.codes.invalid', params) }) } };
  }
  if (details.code === 'opportunity_frozen') return { general: translate('crm.questionnaire.frozen') };
  return { general: describeError(error, translate, 'questionnaire-responses') };
};

/** A consultant picks a published questionnaire and answers it here; the server checks every answer. */
const FillIn = ({ target, id, onSaved }: { target: Target; id: Identifier; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [create, { isPending }] = useCreate<QuestionnaireResponse>();
  const { data: published = [] } = useGetList<Questionnaire>('questionnaires', {
    filter: { status: 'published' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'title', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<Identifier | ''>('');
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>('');
  const questionnaire = published.find(q => q.id === chosen);

  const pick = (value: Identifier | '') => {
    setChosen(value);
    setAnswers({});
    setErrors({});
    setGeneral('');
  };

  const submit = () => {
    if (!questionnaire) return;
    setErrors({});
    setGeneral('');
    create(
      'questionnaire-responses',
      // the revision answered: the server refuses a stale one (the questionnaire changed meanwhile)
      { data: { questionnaire: questionnaire.id, revision: questionnaire.revision, [target]: id, answers: filledAnswers(answers) } },
      {
        onSuccess: () => {
          notify('crm.questionnaire.submitted', { type: 'success' });
          pick('');
          onSaved();
        },
        onError: error => {
          const refusal = refusalOf(error, questionnaire.questions ?? [], translate);
          setErrors(refusal.byQuestion ?? {});
          setGeneral(refusal.general ?? translate('crm.questionnaire.fix_answers'));
        },
      },
    );
  };

  if (published.length === 0) return <Typography color="text.secondary">{translate('crm.questionnaire.none_published')}</Typography>;
  return (
    <Box data-testid="questionnaire-fill">
      <TextField
        select
        size="small"
        label={translate('crm.questionnaire.pick')}
        value={chosen}
        onChange={e => pick(published.find(q => String(q.id) === e.target.value)?.id ?? '')}
        sx={{ minWidth: 280, mb: 2 }}
      >
        {published.map(q => (
          <MenuItem key={q.id} value={String(q.id)}>
            {`${q.title}（${translate('crm.questionnaire.revision', { revision: q.revision ?? 1 })}）`}
          </MenuItem>
        ))}
      </TextField>
      {questionnaire ? (
        <Box sx={{ maxWidth: 720 }}>
          {questionnaire.description ? <Typography sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>{questionnaire.description}</Typography> : null}
          {general ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="questionnaire-refusal">
              {general}
            </Alert>
          ) : null}
          <QuestionnaireForm questions={questionnaire.questions ?? []} answers={answers} onChange={setAnswers} errors={errors} disabled={isPending} />
          <Button variant="contained" sx={{ mt: 2 }} onClick={submit} disabled={isPending} startIcon={isPending ? <CircularProgress size={14} color="inherit" /> : undefined}>
            {translate('crm.questionnaire.submit')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};

const answerText = (v: unknown, translate: TranslateFunction) => {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return translate('crm.questionnaire.no_answer');
  return Array.isArray(v) ? v.join('、') : String(v);
};

/** The record's responses, each with the questions of the revision it answered. */
const Responses = ({ target, id, version }: { target: Target; id: Identifier; version: number }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { data: responses = [], isPending } = useGetList<QuestionnaireResponse>(
    'questionnaire-responses',
    { filter: { [target]: id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'DESC' } },
    { meta: { version } },
  );
  const { data: questionnaires = [] } = useGetMany<Questionnaire>('questionnaires', {
    ids: [...new Set(responses.map(r => r.questionnaire))],
  }, { enabled: responses.length > 0 });
  if (isPending) return null;
  if (responses.length === 0) return <Typography color="text.secondary">{translate('crm.questionnaire.no_responses')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {responses.map(r => {
        const q = questionnaires.find(x => x.id === r.questionnaire);
        const questions = q ? questionsOf(q, r.revision) ?? [] : [];
        return (
          <Card key={r.id} variant="outlined" data-testid="questionnaire-response">
            <CardContent>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('crm.questionnaire.answered_at', {
                  title: q?.title ?? '…',
                  revision: r.revision,
                  date: formatDateTime(r.createdAt, locale),
                })}
                {' · '}
                {translate(`crm.response_channel.${r.channel}`)}
              </Typography>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, auto) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
                {questions.map(question => (
                  <Box key={question.key} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {question.label}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                      {answerText(r.answers?.[question.key], translate)}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
};

/**
 * 调查问卷 on an opportunity's or a lead's page: fill in a published questionnaire, and the
 * responses given on this record. One component, imported by both Show pages.
 */
export const QuestionnairePanel = ({ target }: { target: Target }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Me>();
  const [saved, setSaved] = useState(0);
  if (!record) return null;
  const canList = canDo(permissions, 'questionnaire-responses', 'list');
  const canFill = canDo(permissions, 'questionnaire-responses', 'create');
  if (!canList && !canFill) return null;
  return (
    <Box sx={{ mb: 3 }} data-testid="questionnaire-panel">
      <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 600, letterSpacing: 1 }}>
        {translate('crm.questionnaire.panel_title')}
      </Typography>
      <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
        {canFill ? <FillIn target={target} id={record.id} onSaved={() => setSaved(n => n + 1)} /> : null}
        {canList ? (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {translate('crm.questionnaire.responses')}
            </Typography>
            <Responses target={target} id={record.id} version={saved} />
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default QuestionnairePanel;
