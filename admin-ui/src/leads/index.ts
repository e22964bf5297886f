import { lazy } from 'react';
import ContactPhoneOutlinedIcon from '@mui/icons-material/ContactPhoneOutlined';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const LeadList = lazy(() => import('./LeadList'));
export const LeadShow = lazy(() => import('./LeadShow'));
export const LeadEdit = lazy(() => import('./LeadEdit'));
export const LeadCreate = lazy(() => import('./LeadCreate'));

export const LeadIcon = ContactPhoneOutlinedIcon;
export type { Lead, LeadStatus } from './lead';
