import { lazy } from 'react';
import DoNotDisturbOnOutlinedIcon from '@mui/icons-material/DoNotDisturbOnOutlined';

export const CloseReasonList = lazy(() => import('./CloseReasonList'));
export const CloseReasonEdit = lazy(() => import('./CloseReasonEdit'));
export const CloseReasonCreate = lazy(() => import('./CloseReasonCreate'));
export const CloseReasonIcon = DoNotDisturbOnOutlinedIcon;
