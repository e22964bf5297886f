import DoorFrontOutlinedIcon from '@mui/icons-material/DoorFrontOutlined';

import { lazyPage } from '../common/lazyPage';

export const VisitLogList = lazyPage(() => import('./VisitLogList'));
export const VisitLogShow = lazyPage(() => import('./VisitLogShow'));
export const VisitLogEdit = lazyPage(() => import('./VisitLogEdit'));
export const VisitLogCreate = lazyPage(() => import('./VisitLogCreate'));
export const VisitLogIcon = DoorFrontOutlinedIcon;
export type { VisitLog } from './visitLog';
