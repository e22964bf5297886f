import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';

import { lazyPage } from '../common/lazyPage';

export const DepartmentList = lazyPage(() => import('./DepartmentList'));
export const DepartmentEdit = lazyPage(() => import('./DepartmentEdit'));
export const DepartmentCreate = lazyPage(() => import('./DepartmentCreate'));
export const DepartmentIcon = ApartmentOutlinedIcon;
