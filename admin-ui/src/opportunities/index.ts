import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk; the Kanban brings drag-and-drop only when opened. */
export const OpportunityList = lazyPage(() => import('./OpportunityList'));
export const OpportunityShow = lazyPage(() => import('./OpportunityShow'));
export const OpportunityEdit = lazyPage(() => import('./OpportunityEdit'));
export const OpportunityCreate = lazyPage(() => import('./OpportunityCreate'));
export const LossRequestList = lazyPage(() => import('./LossRequestList'));
export const Kanban = lazyPage(() => import('./Kanban'));

export const OpportunityIcon = HandshakeOutlinedIcon;
export type { Opportunity, OpportunityStatus } from './opportunity';
