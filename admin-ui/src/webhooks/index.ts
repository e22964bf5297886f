import { lazy } from 'react';
import WebhookOutlinedIcon from '@mui/icons-material/WebhookOutlined';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const WebhookList = lazy(() => import('./WebhookList'));
export const WebhookShow = lazy(() => import('./WebhookShow'));
export const WebhookCreate = lazy(() => import('./WebhookForms').then((m) => ({ default: m.WebhookCreate })));
export const WebhookEdit = lazy(() => import('./WebhookForms').then((m) => ({ default: m.WebhookEdit })));
export const WebhookIcon = WebhookOutlinedIcon;
