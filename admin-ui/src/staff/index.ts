import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';

import { lazyPage } from '../common/lazyPage';

export const StaffList = lazyPage(() => import('./StaffList'));
export const StaffEdit = lazyPage(() => import('./StaffEdit'));
export const StaffCreate = lazyPage(() => import('./StaffCreate'));
export const StaffIcon = BadgeOutlinedIcon;
export type { Staff } from './staff';
