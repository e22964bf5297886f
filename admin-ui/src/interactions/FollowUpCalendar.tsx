import { useCallback, useRef, useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Stack } from '@mui/material';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import type { EventClickArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import { Title, useDataProvider, useLocaleState, useRedirect, useTranslate } from 'react-admin';

import { fromWallClock, toWallClock } from '../common/dates';
import { describeError } from '../common/errors';
import type { CrmDataProvider } from '../dataProvider';
import { CompleteDialog } from './CompleteDialog';
import type { Interaction } from './interaction';

/** Event colours: planned blue, overdue red, done grey, cancelled light grey. */
export const CALENDAR_COLORS = {
  planned: '#1f5fa6',
  overdue: '#c0392b',
  done: '#9e9e9e',
  cancelled: '#cfd8dc',
} as const;

const colorOf = (i: Interaction): string =>
  i.state === 'done' ? CALENDAR_COLORS.done : i.state === 'cancelled' ? CALENDAR_COLORS.cancelled : i.overdue ? CALENDAR_COLORS.overdue : CALENDAR_COLORS.planned;

/**
 * FullCalendar runs in UTC and is given each instant shifted to the CRM's wall-clock
 * time (the CRM zone), so the grid shows CRM times whatever the browser's zone,
 * without a time-zone plugin.
 */
const toEvent = (i: Interaction): EventInput => {
  const color = colorOf(i);
  return {
    id: String(i.id),
    title: i.subject,
    start: toWallClock(new Date(i.start)),
    end: i.end ? toWallClock(new Date(i.end)) : undefined,
    backgroundColor: color,
    borderColor: color,
    textColor: i.state === 'cancelled' ? '#52606d' : '#fff',
    classNames: [`crm-event-${i.state}`, ...(i.overdue ? ['crm-event-overdue'] : [])],
    extendedProps: { interaction: i },
  };
};

const Legend = () => {
  const translate = useTranslate();
  const items: Array<[string, string]> = [
    ['crm.calendar.legend_planned', CALENDAR_COLORS.planned],
    ['crm.calendar.legend_overdue', CALENDAR_COLORS.overdue],
    ['crm.calendar.legend_done', CALENDAR_COLORS.done],
    ['crm.calendar.legend_cancelled', CALENDAR_COLORS.cancelled],
  ];
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
      {items.map(([label, color]) => (
        <Chip key={label} size="small" label={translate(label)} sx={{ bgcolor: color, color: color === CALENDAR_COLORS.cancelled ? '#1f2933' : '#fff' }} />
      ))}
    </Stack>
  );
};

/**
 * 跟进日历: the follow-ups of the visible weeks (`GET /api/crm/calendar?from&to`), by
 * month or week. A click on a follow-up opens it; a planned one can be completed there
 * with its outcome. A click on an empty day plans a new follow-up then.
 */
export const FollowUpCalendar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const calendarRef = useRef<FullCalendar>(null);
  const [selected, setSelected] = useState<Interaction | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const fetchEvents = useCallback(
    (info: EventSourceFuncArg, success: (events: EventInput[]) => void, failure: (error: Error) => void) => {
      const from = fromWallClock(info.start).toISOString();
      const to = fromWallClock(info.end).toISOString();
      dataProvider
        .calendar<Interaction>(from, to)
        .then(({ data }) => {
          setLoadError(null);
          success(data.map(toEvent));
        })
        .catch((error: unknown) => {
          setLoadError(describeError(error, translate, 'interactions'));
          failure(error instanceof Error ? error : new Error(String(error)));
        });
    },
    [dataProvider, translate],
  );

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    setSelected(arg.event.extendedProps.interaction as Interaction);
  };

  const onDateClick = (arg: DateClickArg) => {
    const start = fromWallClock(arg.allDay ? new Date(arg.date.getTime() + 10 * 3600 * 1000) : arg.date);
    redirect('create', 'interactions', undefined, undefined, { record: { start: start.toISOString(), state: 'planned' } });
  };

  const refetch = () => calendarRef.current?.getApi().refetchEvents();

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="crm.calendar.title" />
      <Card>
        <CardContent>
          <Legend />
          {loadError ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              {translate('crm.calendar.load_error')}: {loadError}
            </Alert>
          ) : null}
          <Box
            data-testid="calendar"
            sx={{
              '& .fc': { fontFamily: 'inherit' },
              '& .fc .fc-toolbar-title': { fontSize: '1.2rem', fontWeight: 600 },
              '& .fc .fc-button-primary': { bgcolor: '#1f5fa6', borderColor: '#1f5fa6' },
              '& .fc .fc-button-primary:not(:disabled).fc-button-active': { bgcolor: '#154377', borderColor: '#154377' },
              '& .fc-event': { cursor: 'pointer' },
              '& .crm-event-cancelled .fc-event-title': { textDecoration: 'line-through' },
              '& .fc-daygrid-dot-event.crm-event-overdue': { color: CALENDAR_COLORS.overdue, fontWeight: 600 },
            }}
          >
            <FullCalendar
              ref={calendarRef}
              plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
              initialView="timeGridWeek"
              timeZone="UTC"
              now={() => toWallClock(new Date())}
              locales={[zhCnLocale]}
              locale={locale === 'zh-CN' ? 'zh-cn' : 'en'}
              firstDay={1}
              headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek' }}
              height="auto"
              slotMinTime="07:00:00"
              slotMaxTime="22:00:00"
              nowIndicator
              defaultTimedEventDuration="01:00"
              dayMaxEvents={4}
              eventDisplay="block"
              eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
              events={fetchEvents}
              eventClick={onEventClick}
              dateClick={onDateClick}
            />
          </Box>
        </CardContent>
      </Card>
      <CompleteDialog
        interaction={selected}
        onClose={() => setSelected(null)}
        onCompleted={() => {
          setSelected(null);
          refetch();
        }}
      />
    </Box>
  );
};

export default FollowUpCalendar;
