import { Box, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import { Link } from 'react-router-dom';
import {
  AppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useUserMenu,
  useTranslate,
} from 'react-admin';

import { roleLabel } from '../i18n/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { BrandMark } from './BrandMark';

/** Role and department of the signed-in staff member, at the top of the user menu. */
const IdentityMenuItem = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  const role = roleLabel(translate, identity.role);
  const department =
    identity.department && typeof identity.department === 'object' && 'name' in identity.department
      ? String(identity.department.name)
      : translate('crm.staff.no_department');
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemIcon>
        <BadgeOutlinedIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={role} secondary={department} />
    </MenuItem>
  );
};

/** 我的账户: name, mobile, notifications, password. */
const AccountMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/account" onClick={() => userMenu?.onClose()} data-testid="account-menu">
      <ListItemIcon>
        <ManageAccountsOutlinedIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={translate('crm.account.title')} />
    </MenuItem>
  );
};

const CrmUserMenu = () => (
  <UserMenu>
    <IdentityMenuItem />
    <Divider />
    <AccountMenuItem />
    <Logout />
  </UserMenu>
);

const Toolbar = () => (
  <>
    <NotificationBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

export const CrmAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar toolbar={<Toolbar />} userMenu={<CrmUserMenu />}>
      <Box
        component={Link}
        to="/"
        sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'inherit', textDecoration: 'none', mr: 2, flexShrink: 0 }}
      >
        <BrandMark size={28} />
        <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 1, whiteSpace: 'nowrap' }}>
          {translate('crm.app_title')}
        </Typography>
      </Box>
      <Divider orientation="vertical" flexItem sx={{ borderColor: 'rgba(255,255,255,0.3)', my: 1.5, mr: 2, display: { xs: 'none', sm: 'block' } }} />
      <TitlePortal variant="subtitle1" sx={{ opacity: 0.9, display: { xs: 'none', sm: 'block' } }} />
    </AppBar>
  );
};
