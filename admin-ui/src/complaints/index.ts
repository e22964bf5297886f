import FeedbackOutlinedIcon from '@mui/icons-material/FeedbackOutlined';

import { lazyPage } from '../common/lazyPage';

export const ComplaintList = lazyPage(() => import('./ComplaintList'));
export const ComplaintShow = lazyPage(() => import('./ComplaintShow'));
export const ComplaintEdit = lazyPage(() => import('./ComplaintEdit'));
export const ComplaintCreate = lazyPage(() => import('./ComplaintCreate'));
export const ComplaintIcon = FeedbackOutlinedIcon;
export type { Complaint } from './complaint';
