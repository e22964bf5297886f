import { lazy } from 'react';
import StarsOutlinedIcon from '@mui/icons-material/StarsOutlined';

export const LevelList = lazy(() => import('./LevelList'));
export const LevelEdit = lazy(() => import('./LevelEdit'));
export const LevelCreate = lazy(() => import('./LevelCreate'));
export const LevelIcon = StarsOutlinedIcon;
