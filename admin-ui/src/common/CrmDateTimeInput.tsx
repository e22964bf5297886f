import { DateTimeInput, type DateTimeInputProps } from 'react-admin';

import { fromWallClock, toWallClock } from './dates';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO string or Date) as the CRM zone's wall clock, `YYYY-MM-DDTHH:mm`. */
export const toCrmInput = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && WALL.test(value)) return value;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const w = toWallClock(date);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
};

/** What the person typed (wall clock in the CRM zone) as the instant it means, ISO. */
export const fromCrmInput = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value) return null;
  const m = WALL.exec(value);
  if (!m) return null;
  const wall = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return fromWallClock(wall).toISOString();
};

/**
 * A date-time typed in the CRM's time zone, whatever the browser's: 17:30 means 17:30 in
 * the configured zone (Asia/Shanghai as shipped), on a laptop set to UTC too. Stored as an instant.
 */
export const CrmDateTimeInput = (props: DateTimeInputProps) => (
  <DateTimeInput format={toCrmInput} parse={fromCrmInput} {...props} />
);
