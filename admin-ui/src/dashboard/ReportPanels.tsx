// Dashboard charts over the reports. Which panels show follows the `report` grants of /me
// (the reports count only records of resources the role may count), never the role name.
// Every bar clicks through to the list it counts, with that filter applied.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { canDo, type Me } from '../auth/permissions';
import { crmToday, listUrl, useQueue, useReport, type ReportResult } from './useReport';

const COLORS = ['#1f5fa6', '#2e9d6a', '#e08a1e', '#c0392b'];

const Panel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card sx={{ flex: '1 1 480px', minWidth: 0 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const Totals = ({ items }: { items: Array<{ key: string; label: string; value: number | string }> }) => (
  <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', mb: 1 }}>
    {items.map((i) => (
      <Box key={i.key}>
        <Typography variant="body2" color="text.secondary">
          {i.label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid={`total-${i.key}`}>
          {i.value}
        </Typography>
      </Box>
    ))}
  </Stack>
);

const Chart = ({
  result,
  rows,
  x,
  bars,
  onBar,
  empty,
}: {
  result: ReportResult | null;
  rows: Record<string, any>[];
  x: string;
  bars: Array<{ key: string; label: string }>;
  /** where a bar leads; none when the reader may not open that list */
  onBar?: (row: Record<string, any>, bar: string) => void;
  empty: string;
}) => {
  if (!result) return <Skeleton variant="rectangular" height={220} />;
  if (rows.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Box sx={{ width: '100%', height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={x} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {bars.length > 1 ? <Legend /> : null}
          {bars.map((b, i) => (
            <Bar
              key={b.key}
              dataKey={b.key}
              name={b.label}
              fill={COLORS[i % COLORS.length]}
              isAnimationActive={false}
              cursor={onBar ? 'pointer' : undefined}
              onClick={onBar ? (entry: any) => onBar(entry?.payload ?? entry, b.key) : undefined}
            >
              <LabelList dataKey={b.key} position="top" />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

const FUNNEL_LIST: Record<string, [string, Record<string, unknown>]> = {
  leads: ['leads', {}],
  qualified: ['leads', { status: 'qualified' }],
  opportunities: ['opportunities', {}],
  won: ['opportunities', { status: 'won' }],
};

const FunnelPanel = ({ me }: { me: Me | undefined }) => {
  const t = useTranslate();
  const go = useNavigate();
  const { result } = useReport('funnel');
  const rows = (result?.rows ?? []).map((r) => ({ ...r, label: t(`crm.reports.funnel_${r.step}`) }));
  return (
    <Panel title={t('crm.reports.funnel')} testId="panel-funnel">
      <Totals
        items={['leads', 'qualified', 'opportunities', 'won'].map((k) => ({ key: `funnel-${k}`, label: t(`crm.reports.funnel_${k}`), value: result?.totals[k] ?? '—' }))}
      />
      <Chart
        result={result}
        rows={rows}
        x="label"
        bars={[{ key: 'count', label: t('crm.reports.count') }]}
        onBar={
          canDo(me, 'leads', 'list')
            ? (row) => {
                const [resource, filter] = FUNNEL_LIST[row.step];
                if (canDo(me, resource, 'list')) go(listUrl(resource, filter));
              }
            : undefined
        }
        empty={t('crm.reports.empty')}
      />
      {result?.stages?.length ? (
        <Table size="small" sx={{ mt: 1 }} data-testid="funnel-stages">
          <TableHead>
            <TableRow>
              <TableCell>{t('crm.reports.stage')}</TableCell>
              <TableCell align="right">{t('crm.reports.median_days')}</TableCell>
              <TableCell align="right">{t('crm.reports.stays')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.stages.map((s) => (
              <TableRow key={s.stage}>
                <TableCell>{s.name ?? t('crm.reports.none')}</TableCell>
                <TableCell align="right">{s.medianDays}</TableCell>
                <TableCell align="right">{s.stays}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Panel>
  );
};

const SourcesPanel = ({ me }: { me: Me | undefined }) => {
  const t = useTranslate();
  const go = useNavigate();
  const { result } = useReport('sources');
  const none = t('crm.reports.none');
  const rows = (result?.rows ?? []).map((r) => ({ ...r, label: r.source ?? none }));
  return (
    <Panel title={t('crm.reports.sources')} testId="panel-sources">
      <Totals
        items={['leads', 'won'].map((k) => ({ key: `sources-${k}`, label: t(`crm.reports.funnel_${k}`), value: result?.totals[k] ?? '—' }))}
      />
      <Chart
        result={result}
        rows={rows}
        x="label"
        bars={[
          { key: 'leads', label: t('crm.reports.funnel_leads') },
          { key: 'won', label: t('crm.reports.funnel_won') },
        ]}
        onBar={
          canDo(me, 'leads', 'list')
            ? (row, bar) => go(listUrl('leads', { ...(row.source ? { source: row.source } : {}), ...(bar === 'won' ? { status: 'qualified' } : {}) }))
            : undefined
        }
        empty={t('crm.reports.empty')}
      />
    </Panel>
  );
};

const FollowUpsPanel = () => {
  const t = useTranslate();
  const go = useNavigate();
  const { result } = useReport('follow-ups');
  return (
    <Panel title={t('crm.reports.follow_ups')} testId="panel-follow-ups">
      <Totals
        items={['planned', 'done', 'overdue'].map((k) => ({ key: `follow-ups-${k}`, label: t(`crm.reports.follow_ups_${k}`), value: result?.totals[k] ?? '—' }))}
      />
      <Chart
        result={result}
        rows={result?.rows ?? []}
        x="name"
        bars={['planned', 'done', 'overdue'].map((k) => ({ key: k, label: t(`crm.reports.follow_ups_${k}`) }))}
        onBar={(row, bar) =>
          go(listUrl('interactions', bar === 'done' ? { owner: row.owner, state: 'done' } : bar === 'overdue'
            ? { owner: row.owner, state: 'planned', start_lte: new Date().toISOString() } : { owner: row.owner }))
        }
        empty={t('crm.reports.empty')}
      />
    </Panel>
  );
};

const WonByMonthPanel = () => {
  const t = useTranslate();
  const go = useNavigate();
  const { result } = useReport('won-by-month');
  return (
    <Panel title={t('crm.reports.won_by_month')} testId="panel-won-by-month">
      <Totals
        items={[
          { key: 'won', label: t('crm.reports.funnel_won'), value: result?.totals.won ?? '—' },
          { key: 'won-value', label: t('crm.reports.won_value'), value: result ? `¥${(result.totals.value ?? 0).toLocaleString('zh-CN')}` : '—' },
        ]}
      />
      <Chart
        result={result}
        rows={result?.rows ?? []}
        x="month"
        bars={[{ key: 'won', label: t('crm.reports.funnel_won') }]}
        onBar={() => go(listUrl('opportunities', { status: 'won' }))}
        empty={t('crm.reports.empty')}
      />
    </Panel>
  );
};

const TrafficPanel = () => {
  const t = useTranslate();
  const go = useNavigate();
  const today = crmToday();
  const { result } = useReport('traffic', { from: today, to: today });
  const keys = ['visits', 'walkIns', 'calls', 'people', 'withContact', 'converted'];
  const rows = keys.map((k) => ({ key: k, label: t(`crm.reports.traffic_${k}`), count: result?.totals[k] ?? 0 }));
  const filter: Record<string, Record<string, unknown>> = { walkIns: { kind: 'walk-in' }, calls: { kind: 'call' } };
  return (
    <Panel title={t('crm.reports.traffic_today')} testId="panel-traffic">
      <Totals items={keys.map((k) => ({ key: `traffic-${k}`, label: t(`crm.reports.traffic_${k}`), value: result?.totals[k] ?? '—' }))} />
      <Chart
        result={result}
        rows={result ? rows : []}
        x="label"
        bars={[{ key: 'count', label: t('crm.reports.count') }]}
        onBar={(row) => go(listUrl('visit-logs', filter[row.key] ?? {}))}
        empty={t('crm.reports.empty')}
      />
    </Panel>
  );
};

/** The report panels this reader may see, by the `report` grants of /me. */
export const ReportPanels = ({ me }: { me: Me | undefined }) => {
  const may = (resource: string) => canDo(me, resource, 'report');
  const panels: ReactNode[] = [];
  if (may('leads') && may('opportunities')) panels.push(<FunnelPanel key="funnel" me={me} />);
  // the team's and the marketing view: consultants see their sources in their own funnel
  if (may('leads') && (canDo(me, 'leads', 'assign') || !canDo(me, 'leads', 'list'))) panels.push(<SourcesPanel key="sources" me={me} />);
  // per consultant: for who counts a team (may hand its customers over), not a consultant's own
  if (may('interactions') && canDo(me, 'customers', 'assign')) panels.push(<FollowUpsPanel key="follow-ups" />);
  if (may('opportunities') && canDo(me, 'opportunities', 'assign')) panels.push(<WonByMonthPanel key="won" />);
  if (may('visit-logs')) panels.push(<TrafficPanel key="traffic" />);
  // the queue is for those who work complaints (no `report` grant on complaints)
  if (canDo(me, 'complaints', 'process')) panels.push(<ComplaintQueuePanel key="complaints" />);
  if (panels.length === 0) return null;
  return <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 3 }}>{panels}</Stack>;
};

const SEVERITIES = ['urgent', 'high', 'medium', 'low'];

/** The service queue (open and processing complaints the reader handles), by severity. */
export const ComplaintQueuePanel = () => {
  const t = useTranslate();
  const go = useNavigate();
  const { result: rows, loading } = useQueue();
  const data = SEVERITIES.map((s) => ({
    severity: s,
    label: t(`crm.reports.severity_${s}`),
    open: (rows ?? []).filter((r) => r.severity === s && r.status === 'open').length,
    processing: (rows ?? []).filter((r) => r.severity === s && r.status === 'processing').length,
  }));
  return (
    <Panel title={t('crm.reports.complaint_queue')} testId="panel-complaints">
      <Totals
        items={[
          { key: 'complaints-open', label: t('crm.reports.complaints_open'), value: loading ? '—' : data.reduce((n, d) => n + d.open, 0) },
          { key: 'complaints-processing', label: t('crm.reports.complaints_processing'), value: loading ? '—' : data.reduce((n, d) => n + d.processing, 0) },
        ]}
      />
      <Chart
        result={rows ? { rows: data, totals: {} } : null}
        rows={data}
        x="label"
        bars={[
          { key: 'open', label: t('crm.reports.complaints_open') },
          { key: 'processing', label: t('crm.reports.complaints_processing') },
        ]}
        // the bar's complaints: that severity in that state (the queue is the reader's list, so
        // whoever sees the panel may open it)
        onBar={(row, bar) => go(listUrl('complaints', { status: bar, severity: row.severity }))}
        empty={t('crm.reports.empty')}
      />
    </Panel>
  );
};
