import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';

export { NotificationBell } from './NotificationBell';
export { NotificationList } from './NotificationList';
export const NotificationIcon = NotificationsOutlinedIcon;
