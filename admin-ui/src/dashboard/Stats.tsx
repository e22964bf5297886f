import { useEffect, useState, type ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, LinearProgress, Skeleton, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';

import { crmDayRange } from '../common/dates';
import { useStages, type Stage } from '../common/useConfig';

const ONE = { page: 1, perPage: 1 };

/** How many records match: one row asked for, the total read from Content-Range. */
const useCount = (resource: string, filter: Record<string, unknown>, enabled = true) => {
  const { total, isPending } = useGetList(resource, { pagination: ONE, filter }, { enabled });
  return { total: total ?? 0, isPending: enabled && isPending };
};

const StatCard = ({
  label,
  count,
  loading,
  to,
  color,
  icon,
  testId,
}: {
  label: string;
  count: number;
  loading: boolean;
  to: string;
  color: string;
  icon: ReactNode;
  testId: string;
}) => (
  <Card sx={{ flex: '1 1 200px' }}>
    <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box sx={{ color, display: 'flex', '& svg': { fontSize: 36 } }}>{icon}</Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
            {loading ? (
              <Skeleton width={40} height={40} />
            ) : (
              <Typography variant="h4" component="p" sx={{ fontWeight: 700, color }} data-testid={testId}>
                {count}
              </Typography>
            )}
          </Box>
        </Stack>
      </CardContent>
    </CardActionArea>
  </Card>
);

/** Today's planned follow-ups (CRM day), overdue ones and, for managers, waiting loss requests. */
export const FollowUpStats = ({ lossRequests, icons }: { lossRequests: boolean; icons: Record<string, ReactNode> }) => {
  const translate = useTranslate();
  const [filters] = useState(() => {
    const { start, end } = crmDayRange();
    return {
      today: { state: 'planned', start_gte: start, start_lte: end },
      overdue: { state: 'planned', start_lte: new Date().toISOString() },
      loss: { lossRequested: true },
    };
  });
  const today = useCount('interactions', filters.today);
  const overdue = useCount('interactions', filters.overdue);
  const loss = useCount('opportunities', filters.loss, lossRequests);
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mb: 3 }}>
      <StatCard
        label={translate('crm.dashboard.today_follow_ups')}
        count={today.total}
        loading={today.isPending}
        to="/today"
        color="#1f5fa6"
        icon={icons.today}
        testId="stat-today"
      />
      <StatCard
        label={translate('crm.dashboard.overdue_follow_ups')}
        count={overdue.total}
        loading={overdue.isPending}
        to="/today"
        color="#c0392b"
        icon={icons.overdue}
        testId="stat-overdue"
      />
      {lossRequests ? (
        <StatCard
          label={translate('crm.dashboard.loss_requests')}
          count={loss.total}
          loading={loss.isPending}
          to="/loss-requests"
          color="#c77700"
          icon={icons.loss}
          testId="stat-loss"
        />
      ) : null}
    </Stack>
  );
};

const StageRow = ({ stage, total, max }: { stage: Stage; total: number | undefined; max: number }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: '96px 1fr 40px', alignItems: 'center', columnGap: 1.5 }} data-testid="stage-row">
    <Typography variant="body2" noWrap>
      {stage.name}
    </Typography>
    <LinearProgress
      variant={total === undefined ? 'indeterminate' : 'determinate'}
      value={total && max > 0 ? (total / max) * 100 : 0}
      sx={{ height: 10, borderRadius: 5, bgcolor: '#e3e8ef' }}
    />
    <Typography variant="body2" sx={{ textAlign: 'right', fontWeight: 600 }}>
      {total ?? ''}
    </Typography>
  </Box>
);

/** Open opportunities per stage, as bars: one count (Content-Range total) per stage. */
export const StageFunnel = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { data: stages, isPending } = useStages(true);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const stageIds = stages.map(s => String(s.id)).join(',');
  useEffect(() => {
    let cancelled = false;
    for (const id of stageIds ? stageIds.split(',') : []) {
      dataProvider
        .getList('opportunities', { pagination: ONE, sort: { field: 'id', order: 'ASC' }, filter: { status: 'open', stage: id } })
        .then(({ total }) => {
          if (!cancelled) setCounts(c => ({ ...c, [id]: total ?? 0 }));
        })
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
    };
  }, [dataProvider, stageIds]);
  const values = Object.values(counts);
  const max = Math.max(1, ...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return (
    <Card sx={{ mb: 3 }}>
      <CardActionArea component={Link} to="/kanban">
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 2 }}>
            <Typography variant="h6" component="h2">
              {translate('crm.dashboard.open_by_stage')}
            </Typography>
            <Typography color="text.secondary" data-testid="open-total">
              {translate('crm.dashboard.open_total', { count: sum })}
            </Typography>
          </Stack>
          {isPending ? <Skeleton variant="rounded" height={80} /> : null}
          <Stack spacing={1.25}>
            {stages.map(stage => (
              <StageRow key={stage.id} stage={stage} total={counts[String(stage.id)]} max={max} />
            ))}
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
