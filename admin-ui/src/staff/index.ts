import { lazy } from 'react';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';

export const StaffList = lazy(() => import('./StaffList'));
export const StaffEdit = lazy(() => import('./StaffEdit'));
export const StaffCreate = lazy(() => import('./StaffCreate'));
export const StaffIcon = BadgeOutlinedIcon;
export type { Staff } from './staff';
