import { lazy } from 'react';
import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';

/** Lazy pages: each is its own chunk; the calendar brings FullCalendar only when opened. */
export const InteractionList = lazy(() => import('./InteractionList'));
export const InteractionShow = lazy(() => import('./InteractionShow'));
export const InteractionEdit = lazy(() => import('./InteractionEdit'));
export const InteractionCreate = lazy(() => import('./InteractionCreate'));
export const TodayList = lazy(() => import('./TodayList'));
export const FollowUpCalendar = lazy(() => import('./FollowUpCalendar'));

export const InteractionIcon = EventNoteOutlinedIcon;
export type { Interaction, InteractionState } from './interaction';
