import { useState } from 'react';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import {
  Form,
  required,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { AssigneeInput } from './AssigneeInput';
import { describeError } from './errors';

const REQUIRED = [required()];

/**
 * 分配/转移 of the selected rows, all or nothing (`POST /api/crm/<resource>/assign {ids, owner}`),
 * to a colleague the server accepts (active, in the user's subtree, whose role works the records).
 */
export const BulkAssignButton = () => {
  const resource = useResourceContext() ?? '';
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = selectedIds.length;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await dataProvider.collectionAction(resource, 'assign', { ids: selectedIds, owner: values.owner });
      notify('crm.assign.done', { type: 'success', messageArgs: { smart_count: count } });
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
      <Button size="small" startIcon={<AssignmentIndOutlinedIcon />} onClick={() => setOpen(true)} data-action="bulk-assign">
        {translate('crm.assign.button')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="bulk-assign-title">
        <Form record={{}} onSubmit={submit} noValidate>
          <DialogTitle id="bulk-assign-title">{translate('crm.assign.title', { smart_count: count })}</DialogTitle>
          <DialogContent>
            <AssigneeInput source="owner" resource={resource} label="crm.assign.owner" validate={REQUIRED} />
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
