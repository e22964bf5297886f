import { lazy } from 'react';
import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';

/** Lazy pages: each is its own chunk; the Kanban brings drag-and-drop only when opened. */
export const OpportunityList = lazy(() => import('./OpportunityList'));
export const OpportunityShow = lazy(() => import('./OpportunityShow'));
export const OpportunityEdit = lazy(() => import('./OpportunityEdit'));
export const OpportunityCreate = lazy(() => import('./OpportunityCreate'));
export const LossRequestList = lazy(() => import('./LossRequestList'));
export const Kanban = lazy(() => import('./Kanban'));

export const OpportunityIcon = HandshakeOutlinedIcon;
export type { Opportunity, OpportunityStatus } from './opportunity';
