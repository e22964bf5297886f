import { useState } from 'react';
import MergeTypeOutlinedIcon from '@mui/icons-material/MergeTypeOutlined';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import {
  Button,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { describeError } from './errors';

/** Configuration that records name: merged into another entry (records move, this one is archived). */
export const MERGEABLE = new Set(['stages', 'levels', 'sources', 'close-reasons', 'complaint-categories']);

const nameOf = (r: RaRecord) => String(r.name ?? (r.label ? `${r.code} · ${r.label}` : r.code ?? r.id));

/**
 * "Merge into…": instead of deleting an entry records still name, move them all to another
 * active entry (of the same kind, for reasons) and archive this one (`POST /:id/merge`).
 */
export const MergeButton = () => {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const { data = [] } = useGetList(resource, { pagination: { page: 1, perPage: 200 }, sort: { field: 'order', order: 'ASC' }, filter: {} }, { enabled: open });
  if (!record || !MERGEABLE.has(resource)) return null;
  const targets = data.filter(r => r.id !== record.id && r.active !== false && (record.kind === undefined || r.kind === record.kind));
  const merge = async () => {
    setBusy(true);
    try {
      const { data: out } = await dataProvider.action<{ moved: number; into: RaRecord }>(resource, record.id, 'merge', { into: Number(into) });
      notify('crm.merge.done', { type: 'info', messageArgs: { moved: out.moved, name: nameOf(out.into) } });
      refresh();
      redirect('list', resource);
    } catch (e) {
      notify(describeError(e, translate, resource), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="crm.merge.button" onClick={() => setOpen(true)} data-testid="merge">
        <MergeTypeOutlinedIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('crm.merge.title', { name: nameOf(record) })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('crm.merge.hint')}</DialogContentText>
          <TextField select fullWidth label={translate('crm.merge.into')} value={into} onChange={e => setInto(e.target.value)}>
            {targets.map(t => (
              <MenuItem key={t.id} value={String(t.id)}>
                {nameOf(t)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="crm.merge.confirm" variant="contained" onClick={merge} disabled={!into || busy} />
        </DialogActions>
      </Dialog>
    </>
  );
};
