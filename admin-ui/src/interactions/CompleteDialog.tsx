import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Link } from 'react-router-dom';
import {
  RecordContextProvider,
  ResourceContextProvider,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';

import { formatDateTime } from '../common/dates';
import { describeError } from '../common/errors';
import { CustomerReferenceField, OpportunityReferenceField } from '../common/ReferenceLink';
import { StatusField } from '../common/StatusField';
import type { CrmDataProvider } from '../dataProvider';
import type { Interaction } from './interaction';
import { KindField } from './InteractionFields';

interface CompleteDialogProps {
  interaction: Interaction | null;
  onClose: () => void;
  onCompleted: () => void;
}

/**
 * A follow-up opened from the calendar: what, when, with whom; a planned one (when the
 * server offers `complete`) is completed here with its outcome.
 */
export const CompleteDialog = ({ interaction, onClose, onCompleted }: CompleteDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    setOutcome('');
    setTouched(false);
  }, [interaction?.id]);

  if (!interaction) return null;
  const canComplete = Array.isArray(interaction.actions) && interaction.actions.includes('complete');
  const missing = outcome.trim() === '';
  const label = translate('crm.actions.interactions.complete');

  const complete = async () => {
    setTouched(true);
    if (missing) return;
    setBusy(true);
    try {
      await dataProvider.action('interactions', interaction.id, 'complete', { outcome: outcome.trim() });
      notify('crm.action.done', { type: 'success', messageArgs: { action: label } });
      onCompleted();
    } catch (error) {
      notify(describeError(error, translate, 'interactions'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => !busy && onClose()} fullWidth maxWidth="sm" aria-labelledby="follow-up-title">
      <ResourceContextProvider value="interactions">
        <RecordContextProvider value={interaction}>
          <DialogTitle id="follow-up-title">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <span>{interaction.subject}</span>
              <StatusField source="state" />
            </Stack>
          </DialogTitle>
          <DialogContent>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, mb: 2, alignItems: 'center' }}>
              <Typography color="text.secondary">{translate('resources.interactions.fields.start')}</Typography>
              <Typography sx={interaction.overdue ? { color: 'error.main', fontWeight: 600 } : undefined}>
                {formatDateTime(interaction.start, locale)}
                {interaction.overdue ? ` · ${translate('crm.interaction.overdue')}` : ''}
              </Typography>
              <Typography color="text.secondary">{translate('resources.interactions.fields.kind')}</Typography>
              <KindField />
              {interaction.customer ? (
                <>
                  <Typography color="text.secondary">{translate('resources.interactions.fields.customer')}</Typography>
                  <CustomerReferenceField source="customer" />
                </>
              ) : null}
              {interaction.opportunity ? (
                <>
                  <Typography color="text.secondary">{translate('resources.interactions.fields.opportunity')}</Typography>
                  <OpportunityReferenceField source="opportunity" />
                </>
              ) : null}
              {interaction.content ? (
                <>
                  <Typography color="text.secondary">{translate('resources.interactions.fields.content')}</Typography>
                  <Typography sx={{ whiteSpace: 'pre-wrap' }}>{interaction.content}</Typography>
                </>
              ) : null}
              {interaction.outcome ? (
                <>
                  <Typography color="text.secondary">{translate('resources.interactions.fields.outcome')}</Typography>
                  <Typography sx={{ whiteSpace: 'pre-wrap' }}>{interaction.outcome}</Typography>
                </>
              ) : null}
            </Box>
            {canComplete ? (
              <TextField
                name="outcome"
                label={`${translate('crm.action_fields.outcome')} *`}
                value={outcome}
                onChange={e => setOutcome(e.target.value)}
                error={touched && missing}
                helperText={touched && missing ? translate('ra.validation.required') : ' '}
                multiline
                minRows={3}
                fullWidth
                autoFocus
              />
            ) : null}
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button component={Link} to={`/interactions/${interaction.id}/show`} onClick={onClose}>
              {translate('crm.calendar.open_record')}
            </Button>
            <Box sx={{ flex: 1 }} />
            <Button onClick={onClose} disabled={busy}>
              {translate('ra.action.close')}
            </Button>
            {canComplete ? (
              <Button
                variant="contained"
                color="success"
                onClick={() => void complete()}
                disabled={busy}
                startIcon={busy ? <CircularProgress size={14} color="inherit" /> : undefined}
              >
                {translate('crm.calendar.complete')}
              </Button>
            ) : null}
          </DialogActions>
        </RecordContextProvider>
      </ResourceContextProvider>
    </Dialog>
  );
};
