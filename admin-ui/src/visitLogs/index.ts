import { lazy } from 'react';
import DoorFrontOutlinedIcon from '@mui/icons-material/DoorFrontOutlined';

export const VisitLogList = lazy(() => import('./VisitLogList'));
export const VisitLogShow = lazy(() => import('./VisitLogShow'));
export const VisitLogEdit = lazy(() => import('./VisitLogEdit'));
export const VisitLogCreate = lazy(() => import('./VisitLogCreate'));
export const VisitLogIcon = DoorFrontOutlinedIcon;
export type { VisitLog } from './visitLog';
