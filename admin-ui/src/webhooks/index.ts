import WebhookOutlinedIcon from '@mui/icons-material/WebhookOutlined';

import { lazyPage } from '../common/lazyPage';

/** Lazy pages: each is its own chunk, loaded when first visited. */
export const WebhookList = lazyPage(() => import('./WebhookList'));
export const WebhookShow = lazyPage(() => import('./WebhookShow'));
export const WebhookCreate = lazyPage(() => import('./WebhookForms').then((m) => ({ default: m.WebhookCreate })));
export const WebhookEdit = lazyPage(() => import('./WebhookForms').then((m) => ({ default: m.WebhookEdit })));
export const WebhookIcon = WebhookOutlinedIcon;
