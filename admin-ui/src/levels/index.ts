import StarsOutlinedIcon from '@mui/icons-material/StarsOutlined';

import { lazyPage } from '../common/lazyPage';

export const LevelList = lazyPage(() => import('./LevelList'));
export const LevelEdit = lazyPage(() => import('./LevelEdit'));
export const LevelCreate = lazyPage(() => import('./LevelCreate'));
export const LevelIcon = StarsOutlinedIcon;
