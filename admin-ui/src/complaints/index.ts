import { lazy } from 'react';
import FeedbackOutlinedIcon from '@mui/icons-material/FeedbackOutlined';

export const ComplaintList = lazy(() => import('./ComplaintList'));
export const ComplaintShow = lazy(() => import('./ComplaintShow'));
export const ComplaintEdit = lazy(() => import('./ComplaintEdit'));
export const ComplaintCreate = lazy(() => import('./ComplaintCreate'));
export const ComplaintIcon = FeedbackOutlinedIcon;
export type { Complaint } from './complaint';
