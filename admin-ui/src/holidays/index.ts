import CelebrationOutlinedIcon from '@mui/icons-material/CelebrationOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const HolidayList = lazyPage(() => import('./HolidayList').then((m) => ({ default: m.HolidayList })));
export const HolidayCreate = lazyPage(() => import('./HolidayForms').then((m) => ({ default: m.HolidayCreate })));
export const HolidayEdit = lazyPage(() => import('./HolidayForms').then((m) => ({ default: m.HolidayEdit })));

export const HolidayIcon = CelebrationOutlinedIcon;
