import { lazy } from 'react';
import TuneOutlinedIcon from '@mui/icons-material/TuneOutlined';

export const SettingList = lazy(() => import('./SettingList'));
export const SettingEdit = lazy(() => import('./SettingEdit'));
export const SettingCreate = lazy(() => import('./SettingCreate'));
export const SettingIcon = TuneOutlinedIcon;
