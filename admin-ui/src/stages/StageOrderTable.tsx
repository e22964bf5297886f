import { useEffect, useState } from 'react';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { useDataProvider, useListContext, useNotify, usePermissions, useRedirect, useRefresh, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { describeError } from '../common/errors';
import type { Stage } from '../common/useConfig';

type Row = Stage & { version?: number; active?: boolean };

/** Orders spaced by 10 so that a stage added later by hand can slot in between. */
export const reordered = (rows: Row[], from: number, to: number): Row[] => {
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next.map((r, i) => ({ ...r, order: (i + 1) * 10 }));
};

/**
 * The stages in pipeline order; an admin drags a row (or focuses its handle, space, arrows,
 * space) to move it. Each stage whose order changed is saved through the normal update, with
 * the version it was read at, so a concurrent change is a 409 and the list reloads.
 */
export const StageOrderTable = () => {
  const { data, isPending } = useListContext<Row>();
  const { permissions } = usePermissions<Me>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRows(data ?? []), [data]);
  const canEdit = canDo(permissions, 'stages', 'edit');

  const onDragEnd = async (result: DropResult) => {
    if (!result.destination || result.destination.index === result.source.index) return;
    const before = new Map(rows.map((r) => [r.id, r.order]));
    const next = reordered(rows, result.source.index, result.destination.index);
    setRows(next);
    setSaving(true);
    try {
      // one at a time: a refusal stops the rest and the reload shows what was saved
      for (const r of next.filter((r) => before.get(r.id) !== r.order)) {
        await dataProvider.update('stages', { id: r.id, data: { order: r.order, version: r.version }, previousData: r });
      }
      notify('crm.stage_order.saved', { type: 'info' });
    } catch (e) {
      notify(describeError(e, translate, 'stages'), { type: 'error' });
    } finally {
      setSaving(false);
      refresh();
    }
  };

  if (isPending) return null;
  return (
    <Box>
      {canEdit && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
          {translate('crm.stage_order.hint')}
        </Typography>
      )}
      <DragDropContext onDragEnd={onDragEnd}>
        <Table size="small" aria-label={translate('crm.stage_order.table')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{translate('resources.stages.fields.order')}</TableCell>
              <TableCell>{translate('resources.stages.fields.name')}</TableCell>
              <TableCell align="right">{translate('resources.stages.fields.probability')}</TableCell>
              <TableCell>{translate('resources.stages.fields.active')}</TableCell>
            </TableRow>
          </TableHead>
          <Droppable droppableId="stages">
            {(drop) => (
              <TableBody ref={drop.innerRef} {...drop.droppableProps}>
                {rows.map((r, index) => (
                  <Draggable key={r.id} draggableId={String(r.id)} index={index} isDragDisabled={!canEdit || saving}>
                    {(drag, snapshot) => (
                      <TableRow
                        ref={drag.innerRef}
                        {...drag.draggableProps}
                        hover
                        data-stage={r.name}
                        selected={snapshot.isDragging}
                        onClick={canEdit ? () => redirect('edit', 'stages', r.id) : undefined}
                        sx={{ cursor: canEdit ? 'pointer' : undefined, bgcolor: snapshot.isDragging ? 'background.paper' : undefined }}
                      >
                        <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                          {canEdit && (
                            <Box
                              {...drag.dragHandleProps}
                              aria-label={translate('crm.stage_order.handle', { name: r.name })}
                              sx={{ display: 'flex', cursor: 'grab', color: 'text.secondary', pl: 1 }}
                            >
                              <DragIndicatorIcon fontSize="small" />
                            </Box>
                          )}
                        </TableCell>
                        <TableCell>{r.order}</TableCell>
                        <TableCell>{r.name}</TableCell>
                        <TableCell align="right">{r.probability}%</TableCell>
                        <TableCell>
                          {r.active === false ? <Chip size="small" label={translate('crm.stage_order.archived')} /> : translate('crm.stage_order.active')}
                        </TableCell>
                      </TableRow>
                    )}
                  </Draggable>
                ))}
                {drop.placeholder}
              </TableBody>
            )}
          </Droppable>
        </Table>
      </DragDropContext>
    </Box>
  );
};
