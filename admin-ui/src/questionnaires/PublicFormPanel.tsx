import { useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Link, Stack, Switch, Typography } from '@mui/material';
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import OpenInNewOutlinedIcon from '@mui/icons-material/OpenInNewOutlined';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { describeError } from '../common/errors';
import { publicFormUrl, publicQrUrl, type Questionnaire } from './questionnaire';

/** Opens a page with only the title, the QR code and the link, and prints it (the card for the event desk). */
const printQr = (title: string, qr: string, url: string) => {
  const w = window.open('', '_blank', 'noopener=no,width=480,height=640');
  if (!w) return;
  const doc = w.document;
  doc.title = title;
  const h = doc.createElement('h2');
  h.textContent = title;
  const img = doc.createElement('img');
  img.src = new URL(qr, window.location.origin).href;
  img.style.width = '320px';
  const p = doc.createElement('p');
  p.textContent = url;
  for (const el of [h, img, p]) doc.body.appendChild(el);
  doc.body.style.textAlign = 'center';
  doc.body.style.fontFamily = 'sans-serif';
  img.onload = () => w.print();
};

/**
 * 公开表单: marketing switches a published questionnaire's public form on or off (the server
 * issues a new link each time it is switched on), and gets the link and its QR code to print.
 */
export const PublicFormPanel = () => {
  const record = useRecordContext<Questionnaire>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const token = record.publicToken;
  const url = token ? publicFormUrl(token) : '';

  const toggle = async () => {
    setBusy(true);
    try {
      await dataProvider.update('questionnaires', { id: record.id, data: { public: !record.public, version: record.version }, previousData: record });
      notify(record.public ? 'crm.questionnaire.public_switched_off' : 'crm.questionnaire.public_switched_on', { type: 'info' });
    } catch (e) {
      notify(describeError(e, translate, 'questionnaires'), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const canSwitch = record.status === 'published' || record.public;
  return (
    <Box sx={{ py: 2, maxWidth: 720 }} data-testid="public-form-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('crm.questionnaire.public_hint')}
      </Typography>
      <FormControlLabel
        control={<Switch checked={record.public} onChange={() => void toggle()} disabled={busy || !canSwitch} />}
        label={translate(record.public ? 'crm.questionnaire.public_on' : 'crm.questionnaire.public_off')}
      />
      {!canSwitch ? <Alert severity="info">{translate('crm.questionnaire.public_needs_published')}</Alert> : null}
      {record.public && token ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ mt: 2, alignItems: 'flex-start' }}>
          <Box component="img" src={publicQrUrl(token)} alt={translate('crm.questionnaire.qr_alt')} sx={{ width: 200, height: 200, border: 1, borderColor: 'divider' }} />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('crm.questionnaire.public_link')}
            </Typography>
            <Typography sx={{ wordBreak: 'break-all', mb: 1 }} data-testid="public-link">
              <Link href={url} target="_blank" rel="noreferrer">
                {url}
              </Link>
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <Button
                size="small"
                variant="outlined"
                startIcon={<ContentCopyOutlinedIcon />}
                onClick={() => void navigator.clipboard?.writeText(url).then(() => notify('crm.questionnaire.copied', { type: 'info' }))}
              >
                {translate('crm.questionnaire.copy_link')}
              </Button>
              <Button size="small" variant="outlined" startIcon={<OpenInNewOutlinedIcon />} href={url} target="_blank" rel="noreferrer">
                {translate('crm.questionnaire.open_form')}
              </Button>
              <Button size="small" variant="outlined" startIcon={<PrintOutlinedIcon />} onClick={() => printQr(record.title, publicQrUrl(token), url)}>
                {translate('crm.questionnaire.print_qr')}
              </Button>
            </Stack>
          </Box>
        </Stack>
      ) : null}
    </Box>
  );
};
