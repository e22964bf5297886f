// Run-time settings: rows of the `settings` resource an admin edits, over the shipped defaults
// in config/settings.json. Read on use, so a change needs no restart.
import { readConfig } from './roles';

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
  return typeof shipped === 'object' && shipped !== null ? { ...(shipped as object), ...value } : value;
}

/** Midnight of `now`'s calendar day in time zone `tz`. */
export function startOfDay(tz: string, now = new Date()): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(now).map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = wall - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day) - offset);
}
