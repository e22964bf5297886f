import { Box, Card, CardContent, Stack, Tooltip, Typography } from '@mui/material';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Draggable } from '@hello-pangea/dnd';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';

import { LevelChip } from '../common/LevelChip';
import { formatYuan } from '../common/Money';
import { StatusField } from '../common/StatusField';
import type { Opportunity } from './opportunity';

interface KanbanCardProps {
  opportunity: Opportunity;
  index: number;
  customerName?: string;
  ownerName?: string;
  /** a move is on its way to the server */
  pending: boolean;
}

/** One opportunity on the board; only those the server lets move (`actions` has `move`) drag. */
export const KanbanCard = ({ opportunity, index, customerName, ownerName, pending }: KanbanCardProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const movable = Array.isArray(opportunity.actions) && opportunity.actions.includes('move');
  return (
    <Draggable draggableId={String(opportunity.id)} index={index} isDragDisabled={!movable || pending}>
      {(provided, snapshot) => (
        <Card
          ref={provided.innerRef}
          {...provided.draggableProps}
          {...provided.dragHandleProps}
          data-testid="kanban-card"
          data-id={opportunity.id}
          data-movable={movable ? 'true' : 'false'}
          variant="outlined"
          sx={{
            mb: 1,
            opacity: pending ? 0.6 : movable ? 1 : 0.75,
            bgcolor: movable ? 'background.paper' : '#f5f6f8',
            boxShadow: snapshot.isDragging ? '0 8px 20px rgba(16, 42, 67, 0.25)' : 'none',
            borderLeft: `3px solid ${movable ? '#1f5fa6' : '#b0bec5'}`,
            cursor: movable ? 'grab' : 'default',
          }}
        >
          <CardContent sx={{ p: 1.25, '&:last-child': { pb: 1.25 } }}>
            <RecordContextProvider value={opportunity}>
              <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
                <Typography
                  component={Link}
                  to={`/opportunities/${opportunity.id}/show`}
                  variant="body2"
                  sx={{ fontWeight: 600, color: 'text.primary', textDecoration: 'none', '&:hover': { color: 'primary.main' } }}
                >
                  {opportunity.name}
                </Typography>
                {!movable ? (
                  <Tooltip title={translate('crm.kanban.locked')}>
                    <LockOutlinedIcon sx={{ fontSize: 16, color: 'text.disabled' }} />
                  </Tooltip>
                ) : null}
              </Stack>
              {customerName ? (
                <Typography variant="caption" color="text.secondary" component="div">
                  {customerName}
                </Typography>
              ) : null}
              <Stack direction="row" spacing={1} sx={{ mt: 0.75, alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
                {opportunity.estimatedValue != null ? (
                  <Typography variant="body2" sx={{ fontWeight: 600, color: '#2e7d5b' }}>
                    {formatYuan(opportunity.estimatedValue, locale)}
                  </Typography>
                ) : null}
                <LevelChip />
                {opportunity.status !== 'open' ? <StatusField resource="opportunities" /> : null}
              </Stack>
              <Box sx={{ mt: 0.5, display: 'flex', justifyContent: 'space-between', color: 'text.secondary' }}>
                <Typography variant="caption">{ownerName ?? ''}</Typography>
                <Typography variant="caption">
                  {opportunity.probability != null ? `${opportunity.probability}%` : ''}
                </Typography>
              </Box>
            </RecordContextProvider>
          </CardContent>
        </Card>
      )}
    </Draggable>
  );
};
