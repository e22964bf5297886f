import { useEffect, useState } from 'react';
import { Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import {
  Form,
  LocalesMenuButton,
  PasswordInput,
  TextInput,
  required,
  useCheckAuth,
  useLogin,
  useNavigate,
  useNotify,
  useTranslate,
} from 'react-admin';

import { BrandMark } from '../layout/BrandMark';
import { BRAND_BLUE } from '../layout/theme';

interface Credentials {
  username: string;
  password: string;
}

const FEATURES = ['crm.auth.feature_leads', 'crm.auth.feature_follow_up', 'crm.auth.feature_team'] as const;

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    // Already signed in (e.g. the login page was bookmarked): go to the dashboard.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const submit = (values: Record<string, unknown>) => {
    const credentials = values as unknown as Credentials;
    setLoading(true);
    login(credentials)
      .catch((error: unknown) => {
        const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
        notify(message, { type: 'error', messageArgs: { _: message } });
      })
      .finally(() => setLoading(false));
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', bgcolor: 'background.default' }}>
      <Box
        sx={{
          flex: '1 1 50%',
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: `linear-gradient(145deg, #163f6f 0%, ${BRAND_BLUE} 55%, #3f7fc4 100%)`,
        }}
      >
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <BrandMark size={40} />
          <Typography variant="h5" component="div" sx={{ fontWeight: 700, letterSpacing: 2 }}>
            {translate('crm.app_title')}
          </Typography>
        </Stack>
        <Box sx={{ maxWidth: 460 }}>
          <Typography variant="h4" component="p" sx={{ fontWeight: 700, lineHeight: 1.5, mb: 4 }}>
            {translate('crm.auth.tagline')}
          </Typography>
          <Stack spacing={2}>
            {FEATURES.map(key => (
              <Stack key={key} direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <CheckCircleOutlinedIcon sx={{ opacity: 0.9 }} />
                <Typography variant="body1" sx={{ opacity: 0.92 }}>
                  {translate(key)}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
        <Typography variant="body2" sx={{ opacity: 0.7 }}>
          {translate('crm.app_subtitle')}
        </Typography>
      </Box>

      <Box
        sx={{
          flex: '1 1 50%',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          position: 'relative',
          p: 3,
        }}
      >
        <Box sx={{ position: 'absolute', top: 16, right: 16, color: 'text.secondary' }}>
          <LocalesMenuButton />
        </Box>
        <Card sx={{ width: '100%', maxWidth: 400, borderRadius: 3 }} elevation={3}>
          <CardContent sx={{ p: 4, '&:last-child': { pb: 4 } }}>
            <Stack spacing={1} sx={{ alignItems: 'center', mb: 3 }}>
              <Box sx={{ display: { xs: 'block', md: 'none' } }}>
                <BrandMark size={48} inverted />
              </Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {translate('crm.auth.sign_in_title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('crm.auth.sign_in_subtitle')}
              </Typography>
            </Stack>
            <Form onSubmit={submit} noValidate>
              <TextInput
                autoFocus
                source="username"
                label="crm.auth.identifier"
                autoComplete="username"
                validate={required()}
                variant="outlined"
                fullWidth
              />
              <PasswordInput
                source="password"
                label="ra.auth.password"
                autoComplete="current-password"
                validate={required()}
                variant="outlined"
                fullWidth
              />
              <Button
                type="submit"
                variant="contained"
                color="primary"
                size="large"
                fullWidth
                disabled={loading}
                sx={{ mt: 2, py: 1.2 }}
              >
                {loading ? <CircularProgress size={22} color="inherit" /> : translate('ra.auth.sign_in')}
              </Button>
            </Form>
          </CardContent>
        </Card>
        <Typography variant="caption" color="text.secondary" sx={{ mt: 3 }}>
          © {new Date().getFullYear()} {translate('crm.app_title')}
        </Typography>
      </Box>
    </Box>
  );
};

export default LoginPage;
