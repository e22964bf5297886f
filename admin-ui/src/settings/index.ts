import TuneOutlinedIcon from '@mui/icons-material/TuneOutlined';

import { lazyPage } from '../common/lazyPage';

export const SettingList = lazyPage(() => import('./SettingList'));
export const SettingEdit = lazyPage(() => import('./SettingEdit'));
export const SettingCreate = lazyPage(() => import('./SettingCreate'));
export const SettingIcon = TuneOutlinedIcon;
