import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';

import { lazyPage } from '../common/lazyPage';

export const SourceList = lazyPage(() => import('./SourceList'));
export const SourceEdit = lazyPage(() => import('./SourceEdit'));
export const SourceCreate = lazyPage(() => import('./SourceCreate'));
export const SourceIcon = CampaignOutlinedIcon;
