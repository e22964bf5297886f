import { useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { CreateButton, FilterButton, TopToolbar, useListContext, useNotify, useResourceDefinition, useTranslate } from 'react-admin';

import { API_URL, getJwt, refreshAccessToken } from '../auth/session';
import { recordsEn } from '../i18n/messages/records.en';
import { ImportButton } from '../import/ImportButton';

/** The list's field labels in the user's language: the export's column headers. */
const useLabels = (resource: string) => {
  const translate = useTranslate();
  const fields = (recordsEn as Record<string, { fields?: Record<string, string> }>)[resource]?.fields ?? {};
  return Object.fromEntries(Object.keys(fields).map(f => [f, translate(`resources.${resource}.fields.${f}`, { _: f })]));
};

/**
 * Downloads the list as the server streams it (GET /api/crm/<resource>/export): the list's
 * current filter (plus a fixed `filter`, e.g. the pool's) and sort, every page, CSV or Excel.
 */
export const ServerExportButton = ({ filter }: { filter?: Record<string, unknown> }) => {
  const { resource, filterValues, sort } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const labels = useLabels(resource);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    setBusy(true);
    try {
      const q = new URLSearchParams({
        format,
        filter: JSON.stringify({ ...filterValues, ...filter }),
        sort: JSON.stringify([sort.field, sort.order]),
        labels: JSON.stringify(labels),
      });
      const get = (jwt: string | null) =>
        fetch(`${API_URL}/crm/${resource}/export?${q.toString()}`, { headers: jwt ? { Authorization: `Bearer ${jwt}` } : {} });
      let res = await get(getJwt());
      if (res.status === 401) res = await get(await refreshAccessToken(getJwt())); // the token had expired
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `${resource}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      notify('crm.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<FileDownloadOutlinedIcon />} disabled={busy} onClick={e => setAnchor(e.currentTarget)} data-testid="server-export">
        {translate('crm.export.button')}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void download('csv')}>{translate('crm.export.csv')}</MenuItem>
        <MenuItem onClick={() => void download('xlsx')}>{translate('crm.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

/** A list's toolbar with the server export: filters, create (where the role may) and export. */
export const ExportListActions = ({ filter }: { filter?: Record<string, unknown> }) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate ? <CreateButton /> : null}
      <ImportButton />
      <ServerExportButton filter={filter} />
    </TopToolbar>
  );
};
