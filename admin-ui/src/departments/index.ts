import { lazy } from 'react';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';

export const DepartmentList = lazy(() => import('./DepartmentList'));
export const DepartmentEdit = lazy(() => import('./DepartmentEdit'));
export const DepartmentCreate = lazy(() => import('./DepartmentCreate'));
export const DepartmentIcon = ApartmentOutlinedIcon;
