import { createElement, useState, type MouseEvent } from 'react';
import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Form,
  NumberInput,
  ReferenceInput,
  maxValue,
  minValue,
  PasswordInput,
  SelectInput,
  TextInput,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';

import type { CrmDataProvider } from '../dataProvider';
import { actionLabelKey, NOT_A_BUTTON, specFor, type ActionField, type ActionSpec } from './actionSpecs';
import { AssigneeInput } from './AssigneeInput';
import { describeError } from './errors';
import { ReasonInput } from './ReasonInput';
import { StaffInput } from './StaffInput';
import { useStages } from './useConfig';

const REQUIRED = [required()];
const PASSWORD = [required(), minLength(8)];

const StageSelect = ({ field }: { field: ActionField }) => {
  const { data: stages } = useStages(true);
  return (
    <SelectInput
      source={field.name}
      label={`crm.action_fields.${field.name}`}
      choices={stages.map(s => ({ id: s.id, name: `${s.name}（${s.probability}%）` }))}
      validate={field.required ? REQUIRED : undefined}
      fullWidth
    />
  );
};

/** One input of an action dialog (also the bulk actions' dialogs). */
export const FieldInput = ({ field }: { field: ActionField }) => {
  const label = `crm.action_fields.${field.name}`;
  const validate = field.required ? REQUIRED : undefined;
  switch (field.type) {
    case 'reason':
      return <ReasonInput source={field.name} kind={field.kind} validate={validate} />;
    case 'staff':
      return <StaffInput source={field.name} label={label} validate={validate} />;
    case 'stage':
      return <StageSelect field={field} />;
    case 'department':
      return (
        <ReferenceInput source={field.name} reference="departments" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" label={label} validate={validate} filterToQuery={q => ({ q })} fullWidth />
        </ReferenceInput>
      );
    case 'score':
      return (
        <NumberInput
          source={field.name}
          label={label}
          min={field.min}
          max={field.max}
          step={1}
          validate={[...(validate ?? []), minValue(field.min), maxValue(field.max)]}
          fullWidth
        />
      );
    case 'assignee':
      return (
        <AssigneeInput
          source={field.name}
          resource={field.resource}
          label={field.label ?? 'crm.assign.owner'}
          emptyText={field.emptyText}
          validate={validate}
          helperText={field.hint}
        />
      );
    case 'password':
      return <PasswordInput source={field.name} label={label} validate={PASSWORD} fullWidth autoComplete="new-password" />;
    case 'multiline':
      return <TextInput source={field.name} label={label} validate={validate} multiline minRows={3} fullWidth />;
    default:
      return <TextInput source={field.name} label={label} validate={validate} fullWidth />;
  }
};

interface TransitionButtonProps {
  action: string;
  resource: string;
  record: RaRecord;
  size?: 'small' | 'medium';
  variant?: 'text' | 'outlined' | 'contained';
  /** in a list row: compact */
  dense?: boolean;
  onDone?: (action: string, answer: unknown) => void;
}

/** One action of a record: a button, then (if the action needs it) a dialog, then the call. */
export const TransitionButton = ({ action, resource, record, size = 'small', variant, dense, onDone }: TransitionButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const spec: ActionSpec = specFor(resource, action);
  const label = translate(actionLabelKey(resource, action), { _: action });

  const run = async (values: Record<string, unknown> = {}) => {
    const body: Record<string, unknown> = {};
    for (const field of spec.fields ?? []) {
      const value = values[field.name];
      if (value !== undefined && value !== null && value !== '') {
        body[field.name] = typeof value === 'string' ? value.trim() : value;
      }
    }
    if (spec.withVersion) body.version = record.version;
    setBusy(true);
    try {
      const { data } = await dataProvider.action<Record<string, unknown>>(resource, record.id, action, body);
      if (spec.after) await spec.after(dataProvider, record, values);
      notify('crm.action.done', { type: 'success', messageArgs: { action: label } });
      setOpen(false);
      onDone?.(action, data);
      const target = spec.redirect?.(data ?? {});
      if (target) redirect(target);
      else refresh();
    } catch (error) {
      notify(describeError(error, translate, resource), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const click = (event: MouseEvent) => {
    event.stopPropagation(); // inside a list row: do not open the record
    if (spec.fields?.length || spec.confirm) setOpen(true);
    else void run();
  };

  return (
    // Clicks inside the dialog bubble through React's tree: keep them from the list row.
    <Box component="span" onClick={(e: MouseEvent) => e.stopPropagation()} sx={{ display: 'inline-flex' }}>
      <Button
        size={size}
        variant={variant ?? (spec.color === 'primary' ? 'contained' : 'outlined')}
        color={spec.color ?? 'inherit'}
        startIcon={busy && !open ? <CircularProgress size={14} color="inherit" /> : createElement(spec.icon)}
        onClick={click}
        disabled={busy}
        data-action={action}
        sx={{ whiteSpace: 'nowrap', ...(dense ? { px: 1, minWidth: 0, '& .MuiButton-startIcon': { mr: 0.5 } } : {}) }}
      >
        {label}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="xs" aria-labelledby={`action-${action}`}>
        <Form record={{}} onSubmit={(values: Record<string, unknown>) => run(values)} noValidate>
          <DialogTitle id={`action-${action}`}>{label}</DialogTitle>
          <DialogContent>
            {spec.notice ? createElement(spec.notice, { record }) : null}
            {spec.fields?.length ? (
              <Stack sx={{ pt: 0.5 }}>
                {spec.fields.map(field => (
                  <FieldInput key={field.name} field={field} />
                ))}
                {spec.extra ? createElement(spec.extra, { record }) : null}
              </Stack>
            ) : (
              <Typography>{translate('crm.action.confirm', { action: label })}</Typography>
            )}
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              color={spec.color && spec.color !== 'inherit' ? spec.color : 'primary'}
              disabled={busy}
              startIcon={busy ? <CircularProgress size={14} color="inherit" /> : undefined}
            >
              {translate('ra.action.confirm')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </Box>
  );
};

export interface TransitionButtonsProps {
  /** show only these actions (e.g. `['claim']` in the pool) */
  only?: string[];
  /** never show these */
  exclude?: string[];
  /** the actions to offer, when the record does not carry `actions` (staff) */
  actions?: string[];
  size?: 'small' | 'medium';
  /** in a list row: keep the buttons on one line */
  dense?: boolean;
  onDone?: (action: string, answer: unknown) => void;
}

/**
 * One button per entry of `record.actions`: the transitions the server allows now for
 * this record and this user. The UI never computes them.
 */
export const TransitionButtons = ({ only, exclude, actions, size, dense, onDone }: TransitionButtonsProps) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  if (!record || !resource) return null;
  const offered = (actions ?? (Array.isArray(record.actions) ? (record.actions as string[]) : [])).filter(
    action => !NOT_A_BUTTON.has(action) && (!only || only.includes(action)) && !exclude?.includes(action),
  );
  if (offered.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: dense ? 'nowrap' : 'wrap', rowGap: 1, alignItems: 'center' }}>
      {offered.map(action => (
        <TransitionButton
          key={action}
          action={action}
          resource={resource}
          record={record}
          size={size}
          dense={dense}
          onDone={onDone}
        />
      ))}
    </Stack>
  );
};
