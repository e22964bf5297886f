import ContactPhoneOutlinedIcon from '@mui/icons-material/ContactPhoneOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const LeadList = lazyPage(() => import('./LeadList'));
export const LeadShow = lazyPage(() => import('./LeadShow'));
export const LeadEdit = lazyPage(() => import('./LeadEdit'));
export const LeadCreate = lazyPage(() => import('./LeadCreate'));

export const LeadIcon = ContactPhoneOutlinedIcon;
export type { Lead, LeadStatus } from './lead';
