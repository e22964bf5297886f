import DashboardCustomizeOutlinedIcon from '@mui/icons-material/DashboardCustomizeOutlined';

import { lazyPage } from '../common/lazyPage';

export const CustomFieldList = lazyPage(() => import('./CustomFieldList'));
export const CustomFieldEdit = lazyPage(() => import('./CustomFieldEdit'));
export const CustomFieldCreate = lazyPage(() => import('./CustomFieldCreate'));
export const CustomFieldIcon = DashboardCustomizeOutlinedIcon;
