import { useRef, useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Button, Title, useNotify, useRefresh, useTranslate } from 'react-admin';

import { API_URL, authFetchJson } from '../auth/session';
import { describeError } from '../common/errors';
import { useCrmQuery } from '../common/useCrmQuery';

interface Preset {
  name: string;
  label: string;
  labelEn: string | null;
  description: string | null;
}
interface Change {
  created: string[];
  updated: string[];
  archived: string[];
  merged: string[];
}
interface Report {
  dryRun: boolean;
  changes: Record<string, Change>;
}
/** What is being previewed: a preset by name, or an uploaded file. */
type Pending = { kind: 'preset'; name: string; label: string; report: Report } | { kind: 'file'; doc: unknown; report: Report };

const CRM = `${API_URL}/crm`;
const post = (url: string, body?: unknown) => authFetchJson(url, { method: 'POST', body: JSON.stringify(body ?? {}) }).then(r => r.json as Report);

/** The changes a preset or an import would make (or made), per configuration part. */
const ReportView = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  // close reasons are keyed `lead/预算不足`: the kind in words
  const label = (k: string) => k.replace(/\b(lead|opportunity)\//g, (_, kind: string) => `${translate(`crm.close_reason_kind.${kind}`)}·`);
  const parts = Object.entries(report.changes).filter(([, c]) => c.created.length + c.updated.length + c.archived.length + c.merged.length);
  if (!parts.length) return <Alert severity="info">{translate('crm.config_page.no_changes')}</Alert>;
  return (
    <Stack spacing={1.5} data-testid="config-report">
      {parts.map(([resource, c]) => (
        <Box key={resource}>
          <Typography variant="subtitle2">{translate(`resources.${resource}.name`, { smart_count: 2, _: resource })}</Typography>
          {(['created', 'updated', 'archived', 'merged'] as const).map(kind =>
            c[kind].length ? (
              <Stack key={kind} direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, alignItems: 'center', mt: 0.5 }}>
                <Typography variant="body2" color="text.secondary" sx={{ minWidth: 64 }}>
                  {translate(`crm.config_page.${kind}`)}
                </Typography>
                {c[kind].map(k => (
                  <Chip key={k} size="small" label={label(k)} color={kind === 'archived' ? 'warning' : kind === 'created' ? 'success' : 'default'} variant="outlined" />
                ))}
              </Stack>
            ) : null,
          )}
        </Box>
      ))}
    </Stack>
  );
};

/**
 * 配置管理: apply a pipeline preset (房地产, 汽车4S, B2B) after previewing what it changes, and
 * export / import the whole configuration as one JSON file (a staging setup copied to production).
 */
export const ConfigurationPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const file = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: presets = [] } = useCrmQuery<Preset[]>('presets', () => authFetchJson(`${CRM}/presets`).then(r => r.json as Preset[]));

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      notify(describeError(e, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const preview = (p: Preset) =>
    run(async () => setPending({ kind: 'preset', name: p.name, label: p.label, report: await post(`${CRM}/presets/${p.name}/apply?dryRun=true`) }));
  const apply = () =>
    run(async () => {
      if (!pending) return;
      if (pending.kind === 'preset') await post(`${CRM}/presets/${pending.name}/apply`);
      else await post(`${CRM}/config/import`, pending.doc);
      setPending(null);
      refresh();
      notify('crm.config_page.applied', { type: 'info' });
    });
  const exportConfig = () =>
    run(async () => {
      const { json } = await authFetchJson(`${CRM}/config/export`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
      a.download = `crm-config-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
    });
  const importFile = (f: File | undefined) =>
    f &&
    run(async () => {
      let doc: unknown;
      try {
        doc = JSON.parse(await f.text());
      } catch {
        notify('crm.config_page.not_json', { type: 'error' });
        return;
      }
      setPending({ kind: 'file', doc, report: await post(`${CRM}/config/import?dryRun=true`, doc) });
    });

  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Title title="crm.config_page.title" />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6">{translate('crm.config_page.presets')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('crm.config_page.presets_hint')}
          </Typography>
          <Stack spacing={1.5}>
            {presets.map(p => (
              <Stack key={p.name} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-testid={`preset-${p.name}`}>
                <Box sx={{ flex: 1 }}>
                  <Typography variant="subtitle1">{p.label}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {p.description}
                  </Typography>
                </Box>
                <Button label="crm.config_page.preview" variant="outlined" onClick={() => preview(p)} disabled={busy} />
              </Stack>
            ))}
          </Stack>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6">{translate('crm.config_page.transfer')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('crm.config_page.transfer_hint')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <Button label="crm.config_page.export" variant="outlined" onClick={exportConfig} disabled={busy} />
            <Button label="crm.config_page.import" variant="outlined" onClick={() => file.current?.click()} disabled={busy} />
            <input
              ref={file}
              type="file"
              accept="application/json,.json"
              hidden
              data-testid="config-file"
              onChange={e => {
                importFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </Stack>
        </CardContent>
      </Card>
      {pending ? (
        <Card variant="outlined" sx={{ borderColor: 'primary.main' }}>
          <CardContent>
            <Typography variant="h6" sx={{ mb: 1 }}>
              {pending.kind === 'preset'
                ? translate('crm.config_page.preview_preset', { name: pending.label })
                : translate('crm.config_page.preview_file')}
            </Typography>
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('crm.config_page.preview_hint')}
            </Alert>
            <ReportView report={pending.report} />
            <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
              <Button label="crm.config_page.apply" variant="contained" onClick={apply} disabled={busy} />
              <Button label="ra.action.cancel" onClick={() => setPending(null)} disabled={busy} />
            </Stack>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};

export default ConfigurationPage;
