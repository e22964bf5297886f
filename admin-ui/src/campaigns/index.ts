import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const CampaignList = lazyPage(() => import('./CampaignList'));
export const CampaignShow = lazyPage(() => import('./CampaignShow'));
export const CampaignCreate = lazyPage(() => import('./CampaignForms').then((m) => ({ default: m.CampaignCreate })));
export const CampaignEdit = lazyPage(() => import('./CampaignForms').then((m) => ({ default: m.CampaignEdit })));
export const CampaignIcon = CampaignOutlinedIcon;
