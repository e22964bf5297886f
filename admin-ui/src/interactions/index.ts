import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk; the calendar brings FullCalendar only when opened. */
export const InteractionList = lazyPage(() => import('./InteractionList'));
export const InteractionShow = lazyPage(() => import('./InteractionShow'));
export const InteractionEdit = lazyPage(() => import('./InteractionEdit'));
export const InteractionCreate = lazyPage(() => import('./InteractionCreate'));
export const TodayList = lazyPage(() => import('./TodayList'));
export const FollowUpCalendar = lazyPage(() => import('./FollowUpCalendar'));

export const InteractionIcon = EventNoteOutlinedIcon;
export type { Interaction, InteractionState } from './interaction';
