import { lazy } from 'react';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const CampaignList = lazy(() => import('./CampaignList'));
export const CampaignShow = lazy(() => import('./CampaignShow'));
export const CampaignCreate = lazy(() => import('./CampaignForms').then((m) => ({ default: m.CampaignCreate })));
export const CampaignEdit = lazy(() => import('./CampaignForms').then((m) => ({ default: m.CampaignEdit })));
export const CampaignIcon = CampaignOutlinedIcon;
