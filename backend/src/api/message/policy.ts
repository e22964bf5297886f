// What dispatch does with one claimed message at time `now`: pure, unit-tested with a frozen clock.
import { startOfDay } from '../../crm/settings';

export const MAX_ATTEMPTS = 5;

export interface Recipient {
  smsOptOut?: boolean | null;
  emailOptOut?: boolean | null;
}

/** A staff recipient's own preferences (My account): email copies of reminders and notices. */
export interface StaffPrefs {
  notifyByEmail?: boolean | null;
}

export type Decision =
  | { action: 'send' }
  | { action: 'skip'; reason: 'opt_out' | 'no_address' }
  | { action: 'wait'; until: Date };

const minutes = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/**
 * The end of the quiet hours containing `now` in `tz`, or null when `now` is not quiet.
 * `from` > `to` spans midnight (21:00–08:00).
 */
export function quietUntil(now: Date, tz: string, quiet: { from: string; to: string } | null | undefined): Date | null {
  const from = quiet && minutes(quiet.from);
  const to = quiet && minutes(quiet.to);
  if (from == null || to == null || from === to) return null;
  const midnight = startOfDay(tz, now);
  const at = Math.floor((now.getTime() - midnight.getTime()) / 60000);
  const inQuiet = from < to ? at >= from && at < to : at >= from || at < to;
  if (!inQuiet) return null;
  // the quiet period ends at `to` today, or tomorrow when it started before midnight tonight
  const day = from > to && at >= from ? startOfDay(tz, new Date(midnight.getTime() + 36 * 3600000)) : midnight;
  return new Date(day.getTime() + to * 60000);
}

export function decide(
  msg: { channel: string; to: string | null; customerId: number | null },
  customer: Recipient | null,
  now: Date,
  tz: string,
  quiet: { from: string; to: string } | null | undefined,
  staff: StaffPrefs | null = null,
): Decision {
  if (customer && msg.channel === 'sms' && customer.smsOptOut) return { action: 'skip', reason: 'opt_out' };
  // a staff member who switched email off keeps the in-app copy (the bell) only
  if (staff && msg.channel === 'email' && staff.notifyByEmail === false) return { action: 'skip', reason: 'opt_out' };
  if (customer && msg.channel === 'email' && customer.emailOptOut) return { action: 'skip', reason: 'opt_out' };
  if ((msg.channel === 'sms' || msg.channel === 'email') && !msg.to) return { action: 'skip', reason: 'no_address' };
  // Only customers are spared SMS at night; staff reminders are theirs to mute.
  if (msg.channel === 'sms' && msg.customerId) {
    const until = quietUntil(now, tz, quiet);
    if (until) return { action: 'wait', until };
  }
  return { action: 'send' };
}

/** Retry delay after `attempts` failed sends: 1, 4, 16, 64 minutes… capped at 6 hours. */
export const backoffMs = (attempts: number) => Math.min(6 * 3600000, 60000 * 4 ** Math.max(0, attempts - 1));
