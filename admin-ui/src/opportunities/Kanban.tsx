import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, FormControlLabel, LinearProgress, Paper, Stack, Switch, Typography } from '@mui/material';
import { DragDropContext, Droppable, type DropResult } from '@hello-pangea/dnd';
import {
  Title,
  useDataProvider,
  useGetList,
  useGetMany,
  useLocaleState,
  useNotify,
  useTranslate,
  type Identifier,
} from 'react-admin';

import { describeError } from '../common/errors';
import { useStages, type Stage } from '../common/useConfig';
import type { CrmDataProvider } from '../dataProvider';
import { KanbanCard } from './KanbanCard';
import type { Opportunity } from './opportunity';

const NO_STAGE = 'none';
const ALL = { page: 1, perPage: 500 };
const SORT = { field: 'updatedAt', order: 'DESC' as const };

const uniqueIds = (values: Array<Identifier | null | undefined>): Identifier[] => [
  ...new Set(values.filter((v): v is Identifier => v !== null && v !== undefined)),
];

interface ColumnProps {
  id: string;
  title: string;
  probability?: number;
  cards: Opportunity[];
  customers: Map<string, string>;
  owners: Map<string, string>;
  pending: Set<string>;
  dropDisabled?: boolean;
}

const Column = ({ id, title, probability, cards, customers, owners, pending, dropDisabled }: ColumnProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const total = cards.reduce((sum, c) => sum + (c.estimatedValue ?? 0), 0);
  return (
    <Paper
      variant="outlined"
      data-testid="kanban-column"
      data-stage={id}
      sx={{
        flex: '1 0 220px',
        maxWidth: 320,
        display: 'flex',
        flexDirection: 'column',
        bgcolor: '#eef2f7',
        maxHeight: 'calc(100vh - 190px)',
      }}
    >
      <Box sx={{ px: 1.5, pt: 1.25, pb: 1 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
            {title}
          </Typography>
          {probability !== undefined ? (
            <Typography variant="caption" color="text.secondary">
              {probability}%
            </Typography>
          ) : null}
        </Stack>
        <Typography variant="caption" color="text.secondary" data-testid="kanban-column-count">
          {translate('crm.kanban.count', { count: cards.length, amount: new Intl.NumberFormat(locale).format(total) })}
        </Typography>
      </Box>
      <Droppable droppableId={id} isDropDisabled={dropDisabled}>
        {(provided, snapshot) => (
          <Box
            ref={provided.innerRef}
            {...provided.droppableProps}
            sx={{
              px: 1,
              pb: 1,
              flex: 1,
              minHeight: 80,
              overflowY: 'auto',
              bgcolor: snapshot.isDraggingOver ? 'rgba(31, 95, 166, 0.08)' : 'transparent',
              transition: 'background-color 0.2s',
            }}
          >
            {cards.map((card, index) => (
              <KanbanCard
                key={card.id}
                opportunity={card}
                index={index}
                customerName={customers.get(String(card.customer))}
                ownerName={card.owner != null ? owners.get(String(card.owner)) : undefined}
                pending={pending.has(String(card.id))}
              />
            ))}
            {provided.placeholder}
            {cards.length === 0 && !snapshot.isDraggingOver ? (
              <Typography variant="caption" color="text.disabled" sx={{ display: 'block', textAlign: 'center', py: 2 }}>
                {translate('crm.kanban.empty')}
              </Typography>
            ) : null}
          </Box>
        )}
      </Droppable>
    </Paper>
  );
};

/**
 * 商机看板: opportunities by stage. Dropping a card on another stage calls
 * `POST /opportunities/:id/move {stage, version}`; the card moves at once and goes
 * back (with the server's reason) when the server refuses — a finished opportunity,
 * or one someone else changed meanwhile (stale version).
 */
export const Kanban = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [showFinished, setShowFinished] = useState(false);
  // archived stages stay as (drop-disabled) columns while opportunities still sit in them
  const { data: allStages, isPending: stagesPending } = useStages();
  const filter = useMemo(() => (showFinished ? {} : { status: 'open' }), [showFinished]);
  const { data, isPending, error, refetch } = useGetList<Opportunity>('opportunities', { pagination: ALL, sort: SORT, filter });
  const [cards, setCards] = useState<Opportunity[]>([]);
  const [pending, setPending] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (data) setCards(data);
  }, [data]);

  const { data: customerRecords } = useGetMany('customers', { ids: uniqueIds(cards.map(c => c.customer)) }, { enabled: cards.length > 0 });
  const { data: ownerRecords } = useGetMany('staff', { ids: uniqueIds(cards.map(c => c.owner)) }, { enabled: cards.length > 0 });
  const customers = useMemo(() => new Map((customerRecords ?? []).map(c => [String(c.id), String(c.name)])), [customerRecords]);
  const owners = useMemo(
    () => new Map((ownerRecords ?? []).map(s => [String(s.id), String(s.displayName ?? s.username)])),
    [ownerRecords],
  );

  const byStage = useMemo(() => {
    const columns = new Map<string, Opportunity[]>();
    for (const card of cards) {
      const key = card.stage != null && allStages.some(s => String(s.id) === String(card.stage)) ? String(card.stage) : NO_STAGE;
      columns.set(key, [...(columns.get(key) ?? []), card]);
    }
    return columns;
  }, [cards, allStages]);
  const stages = useMemo(() => allStages.filter(s => s.active !== false || byStage.has(String(s.id))), [allStages, byStage]);

  const onDragEnd = async ({ draggableId, source, destination }: DropResult) => {
    if (!destination || destination.droppableId === source.droppableId) return;
    const card = cards.find(c => String(c.id) === draggableId);
    const stage: Stage | undefined = stages.find(s => String(s.id) === destination.droppableId);
    if (!card || !stage) return;
    const before = card;
    // Optimistic: the card lands at once; the server's answer confirms or takes it back.
    setCards(current => current.map(c => (c.id === card.id ? { ...c, stage: stage.id, probability: stage.probability } : c)));
    setPending(current => new Set(current).add(draggableId));
    try {
      const { data: moved } = await dataProvider.action<Opportunity>('opportunities', card.id, 'move', {
        stage: stage.id,
        version: card.version,
      });
      setCards(current => current.map(c => (c.id === card.id ? { ...c, ...moved } : c)));
      notify('crm.kanban.moved', { type: 'success', messageArgs: { stage: stage.name } });
    } catch (err) {
      setCards(current => current.map(c => (c.id === card.id ? before : c)));
      notify(describeError(err, translate, 'opportunities'), { type: 'error' });
      // A stale version or a changed status: read the board again so the next try works.
      void refetch();
    } finally {
      setPending(current => {
        const next = new Set(current);
        next.delete(draggableId);
        return next;
      });
    }
  };

  const unstaged = byStage.get(NO_STAGE) ?? [];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="crm.kanban.title" />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('crm.kanban.hint')}
        </Typography>
        <FormControlLabel
          control={<Switch size="small" checked={showFinished} onChange={e => setShowFinished(e.target.checked)} />}
          label={translate('crm.kanban.show_finished')}
        />
      </Stack>
      {isPending || stagesPending ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {error ? <Alert severity="error">{describeError(error, translate, 'opportunities')}</Alert> : null}
      <DragDropContext
        dragHandleUsageInstructions={translate('crm.kanban.sr_instructions')}
        onDragStart={(_start, provided) => provided.announce(translate('crm.kanban.sr_lifted'))}
        onDragUpdate={(update, provided) =>
          provided.announce(update.destination ? translate('crm.kanban.sr_over', { position: update.destination.index + 1 }) : translate('crm.kanban.sr_outside'))
        }
        onDragEnd={(result, provided) => {
          provided.announce(translate(result.destination ? 'crm.kanban.sr_dropped' : 'crm.kanban.sr_cancelled'));
          void onDragEnd(result);
        }}
      >
        {/* width 0 + min-width 100%: the board scrolls inside the page instead of widening it */}
        <Stack
          direction="row"
          spacing={1.5}
          sx={{ width: 0, minWidth: '100%', overflowX: 'auto', pb: 2, alignItems: 'flex-start' }}
          data-testid="kanban"
        >
          {stages.map(stage => (
            <Column
              key={stage.id}
              id={String(stage.id)}
              title={stage.active === false ? `${stage.name} · ${translate('crm.kanban.archived')}` : stage.name}
              probability={stage.probability}
              dropDisabled={stage.active === false}
              cards={byStage.get(String(stage.id)) ?? []}
              customers={customers}
              owners={owners}
              pending={pending}
            />
          ))}
          {unstaged.length > 0 ? (
            <Column
              id={NO_STAGE}
              title={translate('crm.kanban.no_stage')}
              cards={unstaged}
              customers={customers}
              owners={owners}
              pending={pending}
              dropDisabled
            />
          ) : null}
        </Stack>
      </DragDropContext>
    </Box>
  );
};

export default Kanban;
