// Run-time settings: rows of the `settings` resource an admin edits, over the shipped defaults
// in config/settings.json. Read on use, so a change needs no restart.
import { readConfig } from './roles';
import { validateSetting } from './setting-values';

export interface Settings {
  timezone: string;
  pool: { maxCustomersPerOwner: number; claimsPerDay: number; reclaimAfterDays: number };
  [key: string]: unknown;
}

export function shippedSettings(): Settings {
  return readConfig<{ settings: Settings }>(strapi.dirs.app.root, 'settings.json').settings;
}

export async function setting<K extends keyof Settings>(key: K): Promise<Settings[K]> {
  const row: any = await strapi.db.query('api::setting.setting' as any).findOne({ where: { key: key as string } });
  const shipped = shippedSettings()[key];
  if (row?.value === undefined || row?.value === null) return shipped;
  const value = JSON.parse(row.value); // valid: checked on every write (api/setting/rules.ts)
  // A row written before those checks existed (or straight into the database) must not stop
  // claims and jobs: a meaningless stored value falls back to the shipped one.
  try {
    validateSetting(key as string, value);
  } catch {
    strapi.log.warn(`[crm] setting ${String(key)}: stored value is invalid, using the shipped default`);
    return shipped;
  }
  return typeof shipped === 'object' && shipped !== null ? { ...(shipped as object), ...value } : value;
}

/** The wall-clock time in `tz` at instant `t`, read as if it were UTC. */
function wallClock(tz: string, t: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(t)).map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** Midnight of `now`'s calendar day in time zone `tz` (right on daylight-saving days too). */
export function startOfDay(tz: string, now = new Date()): Date {
  const t = Math.floor(now.getTime() / 1000) * 1000;
  const wall = wallClock(tz, t);
  const midnightWall = wall - (wall % 86400000);
  // The zone's offset can differ between now and midnight: take it at the candidate, twice.
  let guess = midnightWall - (wall - t);
  for (let i = 0; i < 2; i++) guess = midnightWall - (wallClock(tz, guess) - guess);
  return new Date(guess);
}
