import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, CircularProgress, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Form,
  Loading,
  PasswordInput,
  TextInput,
  Title,
  minLength,
  required,
  useGetIdentity,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';

import { getMe, reloadMe } from '../auth/authProvider';
import { API_URL, authFetchJson, replaceTokens } from '../auth/session';
import { describeError } from '../common/errors';
import { useCrmQuery } from '../common/useCrmQuery';

const NAME = [required()];
const PASSWORD = [required(), minLength(8)];

const sameAs = (field: string): Validator => (value, values) =>
  value && value !== values?.[field] ? 'crm.account.passwords_differ' : undefined;
const CONFIRM = [required(), sameAs('password')];

const SaveButton = ({ busy, label }: { busy: boolean; label: string }) => (
  <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={14} color="inherit" /> : undefined}>
    {label}
  </Button>
);

/** 个人资料: one's own display name, mobile and notification preference (PUT /api/crm/me). */
const ProfileCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { refetch } = useGetIdentity();
  const [busy, setBusy] = useState(false);
  const { data: me } = useCrmQuery('me', () => getMe(), true, 0);
  if (!me) return <Loading />;

  const save = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await authFetchJson(`${API_URL}/crm/me`, {
        method: 'PUT',
        body: JSON.stringify({ displayName: values.displayName, mobile: values.mobile || null, notifyByEmail: Boolean(values.notifyByEmail) }),
      });
      reloadMe();
      await refetch();
      notify('crm.account.saved', { type: 'success' });
    } catch (error) {
      notify(describeError(error, translate, 'staff'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined">
      <CardHeader title={translate('crm.account.profile')} subheader={me.username} />
      <CardContent>
        <Form record={{ displayName: me.displayName, mobile: me.mobile ?? '', notifyByEmail: me.notifyByEmail }} onSubmit={save} noValidate>
          <Stack>
            <TextInput source="displayName" label="resources.staff.fields.displayName" validate={NAME} fullWidth />
            <TextInput source="mobile" label="resources.staff.fields.mobile" fullWidth />
            <BooleanInput source="notifyByEmail" label="crm.account.notify_by_email" helperText="crm.account.notify_by_email_hint" />
            <Box>
              <SaveButton busy={busy} label={translate('ra.action.save')} />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

/** 修改密码: the current one, then the new one twice; the other sessions end, this one goes on. */
const PasswordCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);

  const save = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      // the old tokens end with the old password: keep working with the ones it answers
      await replaceTokens(`${API_URL}/auth/change-password`, {
        method: 'POST',
        body: JSON.stringify({ currentPassword: values.currentPassword, password: values.password, passwordConfirmation: values.passwordConfirmation }),
      });
      notify('crm.account.password_changed', { type: 'success' });
      setDone(n => n + 1); // a fresh, empty form
    } catch (error) {
      const coded = (error as { body?: { error?: { details?: { code?: unknown } } } })?.body?.error?.details?.code;
      // Strapi's own refusal of a wrong current password carries no code (and English text)
      notify(coded ? describeError(error, translate, 'staff') : 'crm.account.wrong_password', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined">
      <CardHeader title={translate('crm.account.password')} />
      <CardContent>
        <Form key={done} record={{}} onSubmit={save} noValidate>
          <Stack>
            <PasswordInput source="currentPassword" label="crm.account.current_password" validate={NAME} fullWidth autoComplete="current-password" />
            <PasswordInput source="password" label="crm.account.new_password" validate={PASSWORD} fullWidth autoComplete="new-password" />
            <PasswordInput source="passwordConfirmation" label="crm.account.confirm_password" validate={CONFIRM} fullWidth autoComplete="new-password" />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('crm.account.password_hint')}
            </Typography>
            <Box>
              <SaveButton busy={busy} label={translate('crm.account.change_password')} />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

/** 我的账户: what a staff member changes about themselves (an admin sets role and department). */
export const AccountPage = () => (
  <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, maxWidth: 1100 }}>
    <Title title="crm.account.title" />
    <ProfileCard />
    <PasswordCard />
  </Box>
);

export default AccountPage;
