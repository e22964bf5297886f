import { lazy } from 'react';
import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';

export const ComplaintCategoryList = lazy(() => import('./ComplaintCategoryList'));
export const ComplaintCategoryEdit = lazy(() => import('./ComplaintCategoryEdit'));
export const ComplaintCategoryCreate = lazy(() => import('./ComplaintCategoryCreate'));
export const ComplaintCategoryIcon = CategoryOutlinedIcon;
