import { lazy } from 'react';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';

export const SourceList = lazy(() => import('./SourceList'));
export const SourceEdit = lazy(() => import('./SourceEdit'));
export const SourceCreate = lazy(() => import('./SourceCreate'));
export const SourceIcon = CampaignOutlinedIcon;
