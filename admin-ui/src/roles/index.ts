import { lazy } from 'react';
import AdminPanelSettingsOutlinedIcon from '@mui/icons-material/AdminPanelSettingsOutlined';

export const RoleList = lazy(() => import('./RoleList'));
export const RoleEdit = lazy(() => import('./RoleEdit'));
export const RoleIcon = AdminPanelSettingsOutlinedIcon;
