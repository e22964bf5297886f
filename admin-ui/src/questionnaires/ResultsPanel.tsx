import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { canDo, type Me } from '../auth/permissions';
import { fromWallClock } from '../common/dates';
import { API_URL, authFetchJson, getJwt, refreshAccessToken } from '../auth/session';
import { questionsOf, RESPONSE_CHANNELS, revisionsOf, type Question, type Questionnaire, type QuestionType } from './questionnaire';

/** GET /api/crm/questionnaire-results/:id: per question, the count of each answer (scoped by the server). */
interface Results {
  revision: number;
  total: number;
  questions: Array<{ key: string; label: string; type: QuestionType; answered: number; counts: Array<{ value: string; count: number }> }>;
}

interface Narrowing {
  revision: number;
  from: string;
  to: string;
  channel: string;
}

/** A picked day, as the instant it starts in the CRM's time zone (`to`: the day after, exclusive). */
const dayStart = (day: string, plus = 0) => fromWallClock(new Date(Date.parse(`${day}T00:00:00Z`) + plus * 86400000)).toISOString();

const queryOf = (n: Narrowing) => {
  const q = new URLSearchParams({ revision: String(n.revision) });
  if (n.from) q.set('from', dayStart(n.from));
  if (n.to) q.set('to', dayStart(n.to, 1));
  if (n.channel) q.set('channel', n.channel);
  return q.toString();
};

type Counted = Results['questions'][number];

/** A rating's whole scale (min to max, unanswered steps at 0), so the chart reads like the form. */
const withScale = (question: Counted, asked: Question | undefined) => {
  if (question.type !== 'rating' || !asked) return question.counts;
  const [min, max] = [asked.min ?? 1, asked.max ?? 5];
  const got = new Map(question.counts.map(c => [c.value, c.count]));
  return Array.from({ length: max - min + 1 }, (_x, i) => String(min + i)).map(value => ({ value, count: got.get(value) ?? 0 }));
};

const QuestionChart = ({ question, asked, translate }: { question: Counted; asked?: Question; translate: ReturnType<typeof useTranslate> }) => {
  const rows = withScale(question, asked);
  return (
    <Card variant="outlined" data-testid={`result-${question.key}`}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {question.label}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {`${translate(`crm.question_type.${question.type}`)} · ${translate('crm.questionnaire.answered', { count: question.answered })}`}
          </Typography>
        </Stack>
        {question.type === 'text' ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('crm.questionnaire.text_answers')}
          </Typography>
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('crm.questionnaire.results_empty')}
          </Typography>
        ) : (
          <Box sx={{ width: '100%', height: Math.max(120, rows.length * 40 + 40) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 40, left: 8, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="value" width={120} />
                <Tooltip />
                <Bar dataKey="count" name={translate('crm.questionnaire.count')} fill="#1f5fa6" isAnimationActive={false}>
                  <LabelList dataKey="count" position="right" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

/** Downloads the responses as CSV (GET /api/crm/questionnaire-export/:id), with the same narrowing. */
const downloadCsv = async (id: unknown, query: string) => {
  const get = (jwt: string | null) =>
    fetch(`${API_URL}/crm/questionnaire-export/${String(id)}?${query}`, { headers: jwt ? { Authorization: `Bearer ${jwt}` } : {} });
  let res = await get(getJwt());
  if (res.status === 401) res = await get(await refreshAccessToken(getJwt()));
  if (!res.ok) throw new Error(String(res.status));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'questionnaire.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/**
 * 统计结果: each question's answer distribution in one revision, among the responses the
 * user's scope counts (marketing: all, as counts only), narrowed by date range and source.
 * The CSV export is offered to who may read responses.
 */
export const ResultsPanel = () => {
  const record = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Me>();
  const [narrowing, setNarrowing] = useState<Narrowing>({ revision: record?.revision ?? 1, from: '', to: '', channel: '' });
  const [results, setResults] = useState<Results | undefined>();
  const [failed, setFailed] = useState(false);
  const query = queryOf(narrowing);

  useEffect(() => {
    if (!record) return undefined;
    let live = true;
    setFailed(false);
    authFetchJson(`${API_URL}/crm/questionnaire-results/${String(record.id)}?${query}`)
      .then(({ json }) => live && setResults(json as Results))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [record, query]);

  if (!record) return null;
  const set = (patch: Partial<Narrowing>) => setNarrowing(n => ({ ...n, ...patch }));
  return (
    <Box sx={{ py: 2 }} data-testid="questionnaire-results">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField select size="small" label={translate('crm.questionnaire.filter_revision')} value={narrowing.revision} onChange={e => set({ revision: Number(e.target.value) })} sx={{ minWidth: 120 }}>
          {revisionsOf(record).map(n => (
            <MenuItem key={n} value={n}>
              {translate('crm.questionnaire.revision', { revision: n })}
            </MenuItem>
          ))}
        </TextField>
        <TextField type="date" size="small" label={translate('crm.questionnaire.filter_from')} value={narrowing.from} onChange={e => set({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField type="date" size="small" label={translate('crm.questionnaire.filter_to')} value={narrowing.to} onChange={e => set({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField select size="small" label={translate('crm.questionnaire.filter_channel')} value={narrowing.channel} onChange={e => set({ channel: e.target.value })} sx={{ minWidth: 140 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{translate('crm.questionnaire.channel_all')}</MenuItem>
          {RESPONSE_CHANNELS.map(c => (
            <MenuItem key={c} value={c}>
              {translate(`crm.response_channel.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        {canDo(permissions, 'questionnaire-responses', 'list') ? (
          <Button
            size="small"
            startIcon={<FileDownloadOutlinedIcon />}
            onClick={() => void downloadCsv(record.id, query).catch(() => notify('crm.export.failed', { type: 'error' }))}
          >
            {translate('crm.questionnaire.export_csv')}
          </Button>
        ) : null}
      </Stack>
      {failed ? <Alert severity="error">{translate('crm.questionnaire.results_error')}</Alert> : null}
      {!results && !failed ? <Skeleton variant="rectangular" height={200} /> : null}
      {results ? (
        <>
          <Typography sx={{ mb: 2, fontWeight: 600 }} data-testid="results-total">
            {translate('crm.questionnaire.total', { count: results.total })}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
            {results.questions.map(q => (
              <QuestionChart key={q.key} question={q} asked={questionsOf(record, results.revision)?.find(x => x.key === q.key)} translate={translate} />
            ))}
          </Box>
        </>
      ) : null}
    </Box>
  );
};
