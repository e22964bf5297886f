// The one time-zone rule: a date-time a person types means the configured CRM time zone
// (setting `timezone`, shipped Asia/Shanghai), whatever the browser's, the OS's or the server's.
// The API stores instants. It accepts an ISO date-time WITH an offset (`…Z`, `…+08:00`) as that
// instant, and a zone-less one (`2026-12-01T17:30`, `2026-12-01 17:30:00`) as wall-clock time in
// the CRM zone. Anything else is refused (code `invalid_datetime`). Pure apart from the cached zone.
import { badRequest } from './errors';
import { setting, shippedSettings } from './settings';

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const DEFAULT_ZONE = 'Asia/Shanghai';
let cachedZone: string | null = null;
let checkedAt = 0;
const REFRESH_MS = 30_000;

/** The wall-clock time in `tz` at instant `t`, read as if it were UTC. */
export function wallClockOf(tz: string, t: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(t)).map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) + (t % 1000 + 1000) % 1000;
}

/** The instant whose wall-clock time in `tz` is `wall` (a UTC-read wall clock, ms). */
export function instantOfWall(tz: string, wall: number): number {
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClockOf(tz, guess) - guess);
  return guess;
}

/** Parses a date-time under the zone rule; `null` when it is not one. */
export function parseDateTime(raw: string, tz: string): Date | null {
  const s = raw.trim();
  if (ZONED.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = WALL.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, ms] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(se ?? 0), +((ms ?? '0').padEnd(3, '0')));
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59) return null;
  return new Date(instantOfWall(tz, wall));
}

/** A date-time for the API (`field` names it in the refusal). */
export function coerceDateTime(field: string, raw: unknown, tz = crmZone()): string {
  const d = typeof raw === 'string' ? parseDateTime(raw, tz) : raw instanceof Date ? raw : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw badRequest(`${field}: must be an ISO date-time (with an offset, or wall-clock time in ${tz})`, {
      field, code: 'invalid_datetime', zone: tz,
    });
  }
  return d.toISOString();
}

const validZone = (tz: unknown): tz is string => {
  if (typeof tz !== 'string' || !tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * The configured CRM time zone, synchronously: the last value read from the `settings`
 * resource (refreshed in the background at most every 30 s), else the shipped one.
 */
export function crmZone(): string {
  const s: any = (globalThis as any).strapi;
  if (s && Date.now() - checkedAt > REFRESH_MS) {
    checkedAt = Date.now();
    void refreshZone().catch(() => undefined);
  }
  if (cachedZone) return cachedZone;
  try {
    const tz = s ? shippedSettings().timezone : undefined;
    if (validZone(tz)) return tz;
  } catch {
    // no server (unit tests): the default
  }
  return DEFAULT_ZONE;
}

/** Reads the zone from the settings now (also what `crmZone` does in the background). */
export async function refreshZone(): Promise<string> {
  const tz = await setting('timezone');
  cachedZone = validZone(tz) ? tz : null;
  checkedAt = Date.now();
  return cachedZone ?? DEFAULT_ZONE;
}
