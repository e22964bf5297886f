// What each shipped setting means, checked on every write: a stored value that parses as JSON
// but is not a real time zone, an `HH:MM` time or a sane count would break every claim, reminder
// and pool job that reads it. Pure: the rule (rules.ts) and the unit tests call it.
import { badRequest } from './errors';

type Check = (value: unknown, path: string) => void;

const fail = (path: string, why: string, code: string, extra: Record<string, unknown> = {}) =>
  badRequest(`value: ${path} ${why}`, { field: 'value', key: path, code, ...extra });

export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const timeZone: Check = (v, path) => {
  if (!isTimeZone(v)) throw fail(path, 'must be an IANA time zone such as Asia/Shanghai', 'invalid_timezone');
};

const clock: Check = (v, path) => {
  if (typeof v !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) throw fail(path, 'must be a time of day HH:MM (00:00–23:59)', 'invalid_time');
};

const count = (min: number, max: number): Check => (v, path) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw fail(path, 'must be a whole number', 'not_an_integer');
  if (v < min || v > max) throw fail(path, `must be between ${min} and ${max}`, 'out_of_range', { min, max });
};

/** An object setting: known sub-keys only (the value is merged over the shipped one, so any subset). */
const shape = (keys: Record<string, Check>): Check => (v, path) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw fail(path, 'must be a JSON object', 'wrong_type');
  for (const [k, sub] of Object.entries(v)) {
    if (!Object.hasOwn(keys, k)) throw fail(`${path}.${k}`, `is not a setting (known: ${Object.keys(keys).join(', ')})`, 'unknown_key');
    keys[k](sub, `${path}.${k}`);
  }
};

const oneOf = (options: string[]): Check => (v, path) => {
  if (typeof v !== 'string' || !options.includes(v)) throw fail(path, `must be one of ${options.join(', ')}`, 'not_an_option', { options });
};

const DAYS = count(1, 365);
/** hours per complaint severity (a deadline of up to 90 days) */
const BY_SEVERITY = shape(Object.fromEntries(['urgent', 'high', 'medium', 'low'].map((s) => [s, count(1, 2160)])));

export const SETTING_CHECKS: Record<string, Check> = {
  timezone: timeZone,
  pool: shape({ maxCustomersPerOwner: count(1, 100000), claimsPerDay: count(1, 10000), reclaimAfterDays: DAYS }),
  poolReturnDays: DAYS,
  assignmentDeadlineDays: count(1, 90),
  returnVisitDays: DAYS,
  quietHours: shape({ from: clock, to: clock }),
  reminderTime: clock,
  /** how the staff UI shows amounts: ¥1,280,000 (yuan) or ¥128万 (wan) */
  amountUnit: oneOf(['yuan', 'wan']),
  complaints: shape({ reopenDays: DAYS, firstResponseHours: BY_SEVERITY, resolveHours: BY_SEVERITY }),
  // messages each channel sends per rolling hour, across every instance (provider limits)
  hourlyCap: shape({ sms: count(1, 1000000), email: count(1, 1000000) }),
};

/** Throws a 400 naming `value` and the (sub-)key when a known setting's value is meaningless. */
export function validateSetting(key: string, value: unknown) {
  if (Object.hasOwn(SETTING_CHECKS, key)) SETTING_CHECKS[key](value, key);
}
