import DoNotDisturbOnOutlinedIcon from '@mui/icons-material/DoNotDisturbOnOutlined';

import { lazyPage } from '../common/lazyPage';

export const CloseReasonList = lazyPage(() => import('./CloseReasonList'));
export const CloseReasonEdit = lazyPage(() => import('./CloseReasonEdit'));
export const CloseReasonCreate = lazyPage(() => import('./CloseReasonCreate'));
export const CloseReasonIcon = DoNotDisturbOnOutlinedIcon;
