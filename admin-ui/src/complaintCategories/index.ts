import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';

import { lazyPage } from '../common/lazyPage';

export const ComplaintCategoryList = lazyPage(() => import('./ComplaintCategoryList'));
export const ComplaintCategoryEdit = lazyPage(() => import('./ComplaintCategoryEdit'));
export const ComplaintCategoryCreate = lazyPage(() => import('./ComplaintCategoryCreate'));
export const ComplaintCategoryIcon = CategoryOutlinedIcon;
