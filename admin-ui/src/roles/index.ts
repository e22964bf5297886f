import AdminPanelSettingsOutlinedIcon from '@mui/icons-material/AdminPanelSettingsOutlined';

import { lazyPage } from '../common/lazyPage';

export const RoleList = lazyPage(() => import('./RoleList'));
export const RoleEdit = lazyPage(() => import('./RoleEdit'));
export const RoleIcon = AdminPanelSettingsOutlinedIcon;
