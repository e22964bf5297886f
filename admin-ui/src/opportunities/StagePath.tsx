import { useState } from 'react';
import { Alert, Box, ButtonBase, Stack, Typography } from '@mui/material';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { describeError } from '../common/errors';
import { TransitionButton } from '../common/TransitionButtons';
import { useStages } from '../common/useConfig';
import type { CrmDataProvider } from '../dataProvider';
import type { Opportunity } from './opportunity';

/**
 * 阶段推进: the active stages as a path; one click moves the opportunity there through the
 * same rule as the Kanban (`POST /opportunities/:id/move {stage, version}`). Reaching the last
 * stage (签约, 100 %) suggests 赢单.
 */
export const StagePath = () => {
  const record = useRecordContext<Opportunity>();
  const { data: stages } = useStages(true);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [busy, setBusy] = useState(false);
  if (!record || stages.length === 0) return null;
  const canMove = Array.isArray(record.actions) && record.actions.includes('move');
  const currentIndex = stages.findIndex(s => s.id === record.stage);
  const current = stages[currentIndex];

  const move = async (stage: number | string) => {
    setBusy(true);
    try {
      await dataProvider.action('opportunities', record.id, 'move', { stage, version: record.version });
      notify('crm.stage_path.moved', { type: 'success', messageArgs: { stage: stages.find(s => s.id === stage)?.name ?? '' } });
      refresh();
    } catch (error) {
      notify(describeError(error, translate, 'opportunities'), { type: 'error' });
      refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('crm.stage_path.title')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', rowGap: 0.5 }} data-testid="stage-path" role="list">
        {stages.map((stage, i) => {
          const reached = currentIndex >= 0 && i <= currentIndex;
          const isCurrent = i === currentIndex;
          return (
            <ButtonBase
              key={stage.id}
              role="listitem"
              disabled={!canMove || busy || isCurrent}
              onClick={() => void move(stage.id)}
              aria-current={isCurrent ? 'step' : undefined}
              data-stage={stage.id}
              sx={{
                px: 2,
                py: 0.75,
                mr: '-6px',
                clipPath: 'polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%, 10px 50%)',
                bgcolor: isCurrent ? 'primary.main' : reached ? 'primary.light' : 'grey.200',
                color: reached ? 'primary.contrastText' : 'text.primary',
                fontSize: 13,
                fontWeight: isCurrent ? 600 : 400,
                '&:hover': canMove && !isCurrent ? { bgcolor: 'primary.dark', color: 'primary.contrastText' } : undefined,
              }}
            >
              {stage.name}（{stage.probability}%）
            </ButtonBase>
          );
        })}
      </Stack>
      {current && current.probability >= 100 && record.status === 'open' && record.actions?.includes('win') ? (
        <Alert severity="success" sx={{ mt: 1.5 }} action={<TransitionButton action="win" resource="opportunities" record={record} />}>
          {translate('crm.stage_path.suggest_win', { stage: current.name })}
        </Alert>
      ) : null}
    </Box>
  );
};
