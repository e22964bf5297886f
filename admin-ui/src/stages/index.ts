import LinearScaleOutlinedIcon from '@mui/icons-material/LinearScaleOutlined';

import { lazyPage } from '../common/lazyPage';

export const StageList = lazyPage(() => import('./StageList'));
export const StageEdit = lazyPage(() => import('./StageEdit'));
export const StageCreate = lazyPage(() => import('./StageCreate'));
export const StageIcon = LinearScaleOutlinedIcon;
