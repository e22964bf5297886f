/**
 * Times in the CRM's time zone (the `timezone` setting, which `/api/crm/me` answers),
 * whatever the browser's: how they are shown, how typed ones are read, where a CRM day
 * starts and ends, and the wall-clock shift the calendar needs.
 */
const SHIPPED_TIME_ZONE = 'Asia/Shanghai';
let zone = SHIPPED_TIME_ZONE;

/** The CRM zone in force; set from `/api/crm/me` before any page renders. */
export const crmTimeZone = (): string => zone;

/** Adopts the server's zone (an unknown or missing one keeps the previous). */
export const setCrmTimeZone = (value: unknown): void => {
  if (typeof value !== 'string' || !value) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    zone = value;
  } catch {
    // not a zone this browser knows: keep the one in force
  }
};

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

export const formatDateTime = (iso: string | null | undefined, locale: string): string => {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: zone }).format(date);
};

export const formatTime = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );

/** Minutes the CRM zone is ahead of UTC at `instant` (+480 for Asia/Shanghai). */
export const zoneOffsetMinutes = (instant: Date = new Date()): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find(p => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
};

/** The instant shown as the same wall-clock time in UTC (for a calendar running in UTC). */
export const toWallClock = (instant: Date): Date => new Date(instant.getTime() + zoneOffsetMinutes(instant) * 60000);

/** Inverse of `toWallClock`. */
export const fromWallClock = (wall: Date): Date => new Date(wall.getTime() - zoneOffsetMinutes(wall) * 60000);

/** The CRM day containing `instant`: its first and last millisecond, as ISO strings. */
export const crmDayRange = (instant: Date = new Date()): { start: string; end: string } => {
  const wall = toWallClock(instant);
  const startWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  const start = fromWallClock(new Date(startWall));
  const end = new Date(fromWallClock(new Date(startWall + 86400000)).getTime() - 1);
  return { start: start.toISOString(), end: end.toISOString() };
};
