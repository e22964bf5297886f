import type { ReactNode } from 'react';
import { Box, Button, Card, CardContent, Chip, Skeleton, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import ContactPhoneOutlinedIcon from '@mui/icons-material/ContactPhoneOutlined';
import PeopleOutlinedIcon from '@mui/icons-material/PeopleOutlined';
import CalendarMonthOutlinedIcon from '@mui/icons-material/CalendarMonthOutlined';
import DoorFrontOutlinedIcon from '@mui/icons-material/DoorFrontOutlined';
import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import TodayOutlinedIcon from '@mui/icons-material/TodayOutlined';
import ViewKanbanOutlinedIcon from '@mui/icons-material/ViewKanbanOutlined';
import { Link } from 'react-router-dom';
import { Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';

import { canDo, type Me } from '../auth/permissions';
import { crmTimeZone } from '../common/dates';
import { roleLabel } from '../i18n/labels';
import { BRAND_BLUE } from '../layout/theme';
import { ReportPanels } from './ReportPanels';
import { FollowUpStats, StageFunnel } from './Stats';

const STAT_ICONS = {
  today: <TodayOutlinedIcon />,
  overdue: <EventBusyOutlinedIcon />,
  loss: <GavelOutlinedIcon />,
};

const greetingKey = (now: Date): string => {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: crmTimeZone() }).format(now),
  );
  if (hour < 12) return 'crm.dashboard.greeting_morning';
  if (hour < 18) return 'crm.dashboard.greeting_afternoon';
  return 'crm.dashboard.greeting_evening';
};

const Shortcut = ({ to, icon, label, primary }: { to: string; icon: ReactNode; label: string; primary?: boolean }) => (
  <Button component={Link} to={to} startIcon={icon} variant={primary ? 'contained' : 'outlined'} size="large">
    {label}
  </Button>
);

export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions: me, isPending } = usePermissions<Me>();
  const now = new Date();
  const today = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeZone: crmTimeZone(),
  }).format(now);

  const shortcuts: ReactNode[] = [];
  if (canDo(me, 'leads', 'list')) {
    shortcuts.push(
      <Shortcut key="leads" to="/leads" icon={<ContactPhoneOutlinedIcon />} label={translate('crm.dashboard.view_leads')} />,
    );
  }
  if (canDo(me, 'leads', 'create')) {
    shortcuts.push(
      <Shortcut key="new-lead" to="/leads/create" icon={<AddIcon />} label={translate('crm.dashboard.new_lead')} primary />,
    );
  }
  if (canDo(me, 'visit-logs', 'create')) {
    shortcuts.push(
      <Shortcut key="new-visit" to="/visit-logs/create" icon={<DoorFrontOutlinedIcon />} label={translate('crm.dashboard.new_visit')} primary />,
    );
  }
  if (canDo(me, 'interactions', 'list')) {
    shortcuts.push(
      <Shortcut key="calendar" to="/calendar" icon={<CalendarMonthOutlinedIcon />} label={translate('crm.dashboard.view_calendar')} />,
    );
  }
  if (canDo(me, 'opportunities', 'list')) {
    shortcuts.push(
      <Shortcut key="kanban" to="/kanban" icon={<ViewKanbanOutlinedIcon />} label={translate('crm.dashboard.view_kanban')} />,
    );
  }
  if (canDo(me, 'staff', 'list')) {
    shortcuts.push(
      <Shortcut key="staff" to="/staff" icon={<PeopleOutlinedIcon />} label={translate('crm.dashboard.view_staff')} />,
    );
  }

  return (
    <Box sx={{ mt: 2, maxWidth: 1280 }}>
      <Title title="ra.page.dashboard" />
      <Card
        sx={{
          color: '#fff',
          background: `linear-gradient(120deg, ${BRAND_BLUE} 0%, #3f7fc4 100%)`,
          mb: 3,
        }}
      >
        <CardContent sx={{ p: { xs: 3, md: 4 } }}>
          {isPending || !me ? (
            <Skeleton variant="text" width={280} height={48} sx={{ bgcolor: 'rgba(255,255,255,0.3)' }} />
          ) : (
            <>
              <Typography variant="h4" component="h1" sx={{ fontWeight: 700, mb: 1 }}>
                {translate(greetingKey(now), { name: me.displayName })}
              </Typography>
              <Typography variant="body1" sx={{ opacity: 0.9, mb: 2 }}>
                {translate('crm.dashboard.today', { date: today })}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                <Chip
                  icon={<BadgeOutlinedIcon />}
                  label={translate('crm.dashboard.role', { role: roleLabel(translate, me.role) })}
                  sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: '#fff', '& .MuiChip-icon': { color: '#fff' } }}
                />
                <Chip
                  icon={<ApartmentOutlinedIcon />}
                  label={translate('crm.dashboard.department', {
                    department: me.department?.name ?? translate('crm.staff.no_department'),
                  })}
                  sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: '#fff', '& .MuiChip-icon': { color: '#fff' } }}
                />
              </Stack>
            </>
          )}
        </CardContent>
      </Card>

      {canDo(me, 'interactions', 'list') ? (
        <FollowUpStats lossRequests={canDo(me, 'opportunities', 'approve-loss')} icons={STAT_ICONS} />
      ) : null}
      {me ? <ReportPanels me={me} /> : null}
      {canDo(me, 'opportunities', 'list') ? <StageFunnel /> : null}

      <Card>
        <CardContent sx={{ p: { xs: 2, md: 3 } }}>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {translate('crm.dashboard.shortcuts')}
          </Typography>
          {shortcuts.length > 0 ? (
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
              {shortcuts}
            </Stack>
          ) : (
            <Typography color="text.secondary">{isPending ? '' : translate('crm.dashboard.no_shortcuts')}</Typography>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export default Dashboard;
