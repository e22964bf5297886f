// Spreadsheet import for leads and customers: pick a CSV/XLSX file, map the columns the server
// did not recognise, read the dry run's report (row, field, reason in the UI language), then
// import. The server does it all-or-nothing; this page never writes on a dry run.
import { useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, useParams } from 'react-router-dom';
import { Title, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

import { API_URL, authFetchJson } from '../auth/session';
import { describeCode, describeError } from '../common/errors';
import { IMPORT_HEADERS as HEADERS, isImportable } from './importable';
import { readPicked, type PickedFile } from './readFile';

interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: Array<{ row: number; field: string | null; code: string; message: string }>;
  unmapped: string[];
}

/** A big commit runs as a background job on the server (202): its progress, then its report. */
interface ImportJob {
  id: string;
  total: number;
  done: number;
  finished: boolean;
  report: ImportReport | null;
  failure: { code: string; message: string } | null;
}

const SKIP = '__skip';
const POLL_MS = 1000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ImportPage = () => {
  const t = useTranslate();
  const { resource = 'leads' } = useParams();
  const { permissions: me } = usePermissions<Me>();
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [unmapped, setUnmapped] = useState<string[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const fields = Object.keys(HEADERS[resource] ?? {});
  const fieldLabel = (f: string) => t(`resources.${resource}.fields.${f}`, { _: f });

  const send = async (file: PickedFile, map: Record<string, string>, dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        file: file.file,
        format: file.format,
        mapping: Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v === SKIP ? null : v])),
      };
      const { json } = await authFetchJson(`${API_URL}/crm/${resource}/import?dryRun=${dryRun}`, { method: 'POST', body: JSON.stringify(body) });
      let res = json as ImportReport;
      if (!dryRun && 'finished' in (json as object)) {
        const ended = await follow(json as ImportJob);
        if (!ended.report) {
          setReport(null);
          setFailure(t('crm.import.failed'));
          return;
        }
        res = ended.report;
      }
      if (dryRun) {
        setReport(res);
        setUnmapped((prev) => [...new Set([...prev.filter((h) => h in map), ...res.unmapped])]);
      } else if (res.errors.length) setReport(res);
      else setDone(res);
    } catch (error) {
      setReport(null);
      const e = error as { body?: { error?: { details?: { unmapped?: string[] } } } };
      const more = e.body?.error?.details?.unmapped;
      if (Array.isArray(more)) setUnmapped(more);
      setFailure(describeError(error, t, resource));
    } finally {
      setBusy(false);
    }
  };

  /** Polls the job until it finishes, showing its progress. */
  const follow = async (started: ImportJob) => {
    let current = started;
    setJob(current);
    try {
      while (!current.finished) {
        await wait(POLL_MS);
        current = (await authFetchJson(`${API_URL}/crm/${resource}/import/${encodeURIComponent(started.id)}`)).json as ImportJob;
        setJob(current);
      }
      return current;
    } finally {
      setJob(null);
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const read = await readPicked(file);
    setPicked(read);
    setMapping({});
    setUnmapped([]);
    setDone(null);
    await send(read, {}, true);
  };

  if (!isImportable(resource) || !canDo(me, resource, 'create')) {
    return <Alert severity="warning" sx={{ mt: 2 }}>{t('crm.errors.forbidden')}</Alert>;
  }
  const title = t('crm.import.title', { resource: t(`resources.${resource}.name`, { smart_count: 2 }) });
  const clean = report && report.errors.length === 0 && report.valid > 0;
  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title={title} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h1" sx={{ mb: 1 }}>{title}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('crm.import.hint')}</Typography>
          <Button component="label" variant="contained" startIcon={<UploadFileIcon />} disabled={busy}>
            {t('crm.import.pick')}
            <input hidden type="file" accept=".csv,.xlsx,text/csv" data-testid="import-file" onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = ''; // choosing the same (fixed) file again is a new pick
                void pick(file);
              }} />
          </Button>
          {picked ? <Typography component="span" sx={{ ml: 2 }}>{picked.name}</Typography> : null}
        </CardContent>
      </Card>

      {unmapped.length > 0 && picked ? (
        <Card sx={{ mb: 2 }} data-testid="import-mapping">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('crm.import.mapping')}</Typography>
            <Stack spacing={2} sx={{ maxWidth: 480 }}>
              {unmapped.map((header) => (
                <TextField
                  key={header}
                  select
                  size="small"
                  label={header}
                  value={mapping[header] ?? SKIP}
                  onChange={(e) => setMapping((m) => ({ ...m, [header]: e.target.value }))}
                >
                  <MenuItem value={SKIP}>{t('crm.import.skip')}</MenuItem>
                  {fields.map((f) => <MenuItem key={f} value={f}>{fieldLabel(f)}</MenuItem>)}
                </TextField>
              ))}
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Button variant="outlined" disabled={busy} onClick={() => void send(picked, mapping, true)}>{t('crm.import.check')}</Button>
                {report && report.unmapped.length === 0 ? (
                  <Typography color="success.main" data-testid="import-all-mapped">{t('crm.import.all_mapped')}</Typography>
                ) : null}
              </Stack>
            </Stack>
          </CardContent>
        </Card>
      ) : null}

      {failure ? <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert> : null}

      {job ? (
        <Card sx={{ mb: 2 }} data-testid="import-progress">
          <CardContent>
            <Typography sx={{ mb: 1 }}>{t('crm.import.running', { done: job.done, total: job.total })}</Typography>
            <LinearProgress variant="determinate" value={job.total ? Math.round((100 * job.done) / job.total) : 0} />
          </CardContent>
        </Card>
      ) : null}

      {done ? (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="import-done">
          {t('crm.import.done', { count: done.imported })} <Link to={`/${resource}`}>{t('crm.import.to_list')}</Link>
        </Alert>
      ) : report ? (
        <Card data-testid="import-report">
          <CardContent>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('crm.import.report')}</Typography>
            <Typography sx={{ mb: 2 }} data-testid="import-summary">
              {t('crm.import.summary', { total: report.total, valid: report.valid, errors: report.errors.length })}
            </Typography>
            {report.errors.length > 0 ? (
              <Table size="small" sx={{ mb: 2 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('crm.import.row')}</TableCell>
                    <TableCell>{t('crm.import.field')}</TableCell>
                    <TableCell>{t('crm.import.reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.errors.map((e, i) => (
                    <TableRow key={i}>
                      <TableCell>{e.row}</TableCell>
                      <TableCell>{e.field ? fieldLabel(e.field) : '—'}</TableCell>
                      <TableCell>
                        {describeCode({ code: e.code, ...(e.field ? { field: e.field } : {}) }, t, resource) ?? t('crm.errors.codes.invalid', { field: e.field ? fieldLabel(e.field) : '' })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {report.errors.length > 0 ? (
              <Alert severity="warning" sx={{ mb: 2 }}>{t('crm.import.fix_first')}</Alert>
            ) : null}
            <Button variant="contained" disabled={!clean || busy || !picked} onClick={() => picked && void send(picked, mapping, false)}>
              {t('crm.import.commit', { count: report.valid })}
            </Button>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};

export default ImportPage;
