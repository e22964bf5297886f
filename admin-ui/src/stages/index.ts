import { lazy } from 'react';
import LinearScaleOutlinedIcon from '@mui/icons-material/LinearScaleOutlined';

export const StageList = lazy(() => import('./StageList'));
export const StageEdit = lazy(() => import('./StageEdit'));
export const StageCreate = lazy(() => import('./StageCreate'));
export const StageIcon = LinearScaleOutlinedIcon;
