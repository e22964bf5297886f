import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';

import { lazyPage } from '../common/lazyPage';

export { NotificationBell } from './NotificationBell';
/** Lazy page: its own chunk, loaded when first visited (the bell in the app bar stays eager). */
export const NotificationList = lazyPage(() => import('./NotificationList').then((m) => ({ default: m.NotificationList })));

export const NotificationIcon = NotificationsOutlinedIcon;
