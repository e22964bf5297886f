import { createElement, useState } from 'react';
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import {
  BulkDeleteButton,
  Form,
  useDataProvider,
  useListContext,
  useNotify,
  usePermissions,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import type { CrmDataProvider } from '../dataProvider';
import { actionLabelKey, specFor } from './actionSpecs';
import { BulkAssignButton } from './BulkAssignButton';
import { describeError } from './errors';
import { FieldInput } from './TransitionButtons';

/**
 * A record action on every selected row, all or nothing (`POST /api/crm/<resource>/bulk/<action>
 * {ids, …}`): the same dialog inputs as the single action (a close reason, say).
 */
export const BulkActionButton = ({ action }: { action: string }) => {
  const resource = useResourceContext() ?? '';
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const spec = specFor(resource, action);
  const label = translate(actionLabelKey(resource, action), { _: action });
  const count = selectedIds.length;

  const submit = async (values: Record<string, unknown>) => {
    const body: Record<string, unknown> = { ids: selectedIds };
    for (const field of spec.fields ?? []) {
      const value = values[field.name];
      if (value !== undefined && value !== null && value !== '') body[field.name] = typeof value === 'string' ? value.trim() : value;
    }
    setBusy(true);
    try {
      await dataProvider.collectionAction(resource, `bulk/${action}`, body);
      notify('crm.bulk.done', { type: 'success', messageArgs: { action: label, smart_count: count } });
      setOpen(false);
      unselectAll();
      refresh();
    } catch (error) {
      notify(describeError(error, translate, resource), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" color={spec.color ?? 'primary'} startIcon={createElement(spec.icon)} onClick={() => setOpen(true)} data-action={`bulk-${action}`}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="xs" aria-labelledby={`bulk-${action}-title`}>
        <Form record={{}} onSubmit={submit} noValidate>
          <DialogTitle id={`bulk-${action}-title`}>{translate('crm.bulk.title', { action: label, smart_count: count })}</DialogTitle>
          <DialogContent>
            {spec.fields?.length ? (
              <Stack sx={{ pt: 0.5 }}>
                {spec.fields.map(field => (
                  <FieldInput key={field.name} field={field} />
                ))}
              </Stack>
            ) : (
              <Typography>{translate('crm.bulk.confirm', { action: label, smart_count: count })}</Typography>
            )}
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={14} color="inherit" /> : undefined}>
              {translate('ra.action.confirm')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/**
 * The bulk actions the role may do on `resource` (分配, the listed record actions such as 关闭,
 * 删除), or `false` (no row checkboxes) when it may do none. The server still checks each record.
 */
export const useBulkActions = (resource: string, actions: string[] = []) => {
  const { permissions } = usePermissions<Me>();
  const buttons = [
    canDo(permissions, resource, 'assign') ? <BulkAssignButton key="assign" /> : null,
    ...actions.map(action => (canDo(permissions, resource, action) ? <BulkActionButton key={action} action={action} /> : null)),
    canDo(permissions, resource, 'delete') ? <BulkDeleteButton key="delete" /> : null,
  ].filter(Boolean);
  return buttons.length ? <>{buttons}</> : false;
};
