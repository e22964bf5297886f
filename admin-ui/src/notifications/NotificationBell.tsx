import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';
import { Link } from 'react-router-dom';
import { useGetList, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';

/** The bell in the app bar: the signed-in member's unread notifications, polled every minute. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  const allowed = canDo(me, 'notifications', 'list');
  const { total } = useGetList(
    'notifications',
    { filter: { read: false }, pagination: { page: 1, perPage: 1 } },
    { enabled: allowed, refetchInterval: 60_000 },
  );
  if (!allowed) return null;
  const count = total ?? 0;
  return (
    <Tooltip title={translate('crm.notifications.bell', { count })}>
      <IconButton color="inherit" component={Link} to="/notifications" aria-label={translate('crm.notifications.bell', { count })} data-testid="notification-bell">
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsOutlinedIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
