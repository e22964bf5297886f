import { lazy } from 'react';
import DashboardCustomizeOutlinedIcon from '@mui/icons-material/DashboardCustomizeOutlined';

export const CustomFieldList = lazy(() => import('./CustomFieldList'));
export const CustomFieldEdit = lazy(() => import('./CustomFieldEdit'));
export const CustomFieldCreate = lazy(() => import('./CustomFieldCreate'));
export const CustomFieldIcon = DashboardCustomizeOutlinedIcon;
