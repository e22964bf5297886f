import { lazy } from 'react';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';

export const StaffList = lazy(() => import('./StaffList'));
export const StaffIcon = BadgeOutlinedIcon;
export type { Staff } from './StaffList';
