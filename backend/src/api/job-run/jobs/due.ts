// What is due at time `now`: pure functions, one per job, unit-tested with a frozen clock
// (tests/unit/job-run). The jobs (jobs/*.ts) only load the rows and act on the answer.
import { startOfDay } from '../../../crm/settings';

const DAY = 86400000;

/**
 * One formatter per kind and time zone: each `new Intl.DateTimeFormat` costs an ICU formatter
 * outside the JS heap, and a reminders run formats two lines per listed follow-up (~2,000).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, tz: string, opts: Intl.DateTimeFormatOptions) => {
  const key = `${locale}|${tz}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: tz })));
  return f;
};

/** `now`'s calendar date in `tz`, as YYYY-MM-DD. */
export function localDate(tz: string, now: Date): string {
  return formatter('en-CA', tz, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** [start, end) of `now`'s calendar day in `tz` (23 or 25 hours long on daylight-saving days). */
export function dayBounds(tz: string, now: Date): [Date, Date] {
  const start = startOfDay(tz, now);
  return [start, startOfDay(tz, new Date(start.getTime() + 1.5 * DAY))];
}

export interface Planned { id: number; ownerId: number; start: Date; subject: string; customer?: string | null }
export interface StaffRef { id: number; supervisorId: number | null; name: string }

export interface Digest {
  staffId: number;
  kind: 'today' | 'overdue';
  /** the dedupe key: one digest per staff member, kind and day */
  key: string;
  title: string;
  body: string;
  count: number;
}

const hhmm = (tz: string, d: Date) =>
  formatter('en-GB', tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
const line = (tz: string, p: Planned, withDate = false) =>
  `${withDate ? `${localDate(tz, p.start)} ` : ''}${hhmm(tz, p.start)} ${p.subject}${p.customer ? `（${p.customer}）` : ''}`;

/** A digest lists this many follow-ups (earliest first) and says how many more there are. */
export const DIGEST_LINES = 50;

/** Per owner: how many planned follow-ups are today's and how many overdue (when `items` holds only the first of each). */
export type PlannedTotals = Map<number, { today: number; overdue: number }>;

const listed = (lines: string[], count: number) => {
  const shown = lines.slice(0, DIGEST_LINES);
  return [...shown, ...(count > shown.length ? [`……另有 ${count - shown.length} 项`] : [])].join('\n');
};

/**
 * Today's follow-up digest per owner (planned follow-ups starting today in `tz`), and overdue
 * alerts (planned follow-ups whose start has passed) to the owner and to the owner's supervisor.
 * With `totals`, `items` may hold only each owner's first DIGEST_LINES of each kind (the database
 * counted the rest): the counts come from `totals`, the lines from `items`.
 */
export function remindersDue(items: Planned[], staff: Map<number, StaffRef>, now: Date, tz: string, totals?: PlannedTotals): Digest[] {
  const date = localDate(tz, now);
  const [start, end] = dayBounds(tz, now);
  const out: Digest[] = [];
  const group = (list: Planned[], by: (p: Planned) => number[]) => {
    const m = new Map<number, Planned[]>();
    for (const p of list) for (const id of by(p)) m.set(id, [...(m.get(id) ?? []), p]);
    return [...m.entries()].sort(([a], [b]) => a - b);
  };
  const sorted = [...items].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
  const today = sorted.filter((p) => p.start >= start && p.start < end);
  const total = (owners: Iterable<number>, kind: 'today' | 'overdue', fallback: number) =>
    totals ? [...new Set(owners)].reduce((n, o) => n + (totals.get(o)?.[kind] ?? 0), 0) : fallback;
  for (const [id, list] of group(today, (p) => [p.ownerId])) {
    const count = total([id], 'today', list.length);
    out.push({ staffId: id, kind: 'today', key: `reminder:${id}:${date}`, count,
      title: `今日跟进计划 ${count} 项`, body: listed(list.map((p) => line(tz, p)), count) });
  }
  const overdue = sorted.filter((p) => p.start < now);
  const recipients = (p: Planned) => {
    const sup = staff.get(p.ownerId)?.supervisorId;
    return sup && sup !== p.ownerId ? [p.ownerId, sup] : [p.ownerId];
  };
  for (const [id, list] of group(overdue, recipients)) {
    const count = total(list.map((p) => p.ownerId), 'overdue', list.length);
    const body = listed(list.map((p) => {
      const who = p.ownerId === id ? '' : `【${staff.get(p.ownerId)?.name ?? p.ownerId}】`;
      return `${who}${line(tz, p, true)}`;
    }), count);
    out.push({ staffId: id, kind: 'overdue', key: `overdue:${id}:${date}`, count, title: `逾期未跟进 ${count} 项`, body });
  }
  return out;
}

export interface OwnedCustomer { id: number; lastFollowUpAt: Date | null; createdAt: Date }

/** Customers not followed up for `days` days (counting from creation when never followed up). */
export function poolReturnDue(customers: OwnedCustomer[], now: Date, days: number): number[] {
  const cutoff = now.getTime() - days * DAY;
  return customers.filter((c) => Math.max(c.lastFollowUpAt?.getTime() ?? 0, c.createdAt.getTime()) < cutoff).map((c) => c.id);
}

/** A daily `HH:MM` as a node-cron expression (seconds first); a malformed one falls back to 08:30. */
export function dailyAt(hhmm: unknown): string {
  const m = typeof hhmm === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm) : null;
  return m ? `0 ${Number(m[2])} ${Number(m[1])} * * *` : '0 30 8 * * *';
}

export interface OpenLead { id: number; ownerId: number | null; createdAt: Date; subject: string }

/**
 * Active leads past the assignment deadline: no owner, or still with the receptionist who logged
 * them (`holdingIds`), `days` days after they came in.
 */
export function unassignedLeadsDue(leads: OpenLead[], holdingIds: Set<number>, now: Date, days: number): OpenLead[] {
  const cutoff = now.getTime() - days * DAY;
  return leads.filter((l) => (l.ownerId === null || holdingIds.has(l.ownerId)) && l.createdAt.getTime() < cutoff)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

/** The birthdays (MM-DD) celebrated on local date `today`: 29 Feb ones on 28 Feb in common years. */
export function birthdaysOn(today: string): string[] {
  const mmdd = today.slice(5);
  const year = Number(today.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return !leap && mmdd === '02-28' ? [mmdd, '02-29'] : [mmdd];
}

export interface GreetCustomer { id: number; name: string; birthday: string | null }
export interface HolidayRow { id: number; date: string; name: string; greeting: string | null }
export interface Greeting { customerId: number; occasion: string; festival: string; template: string }

export const BIRTHDAY_GREETING = '{{name}}您好，祝您生日快乐，万事如意！';
export const HOLIDAY_GREETING = '{{name}}您好，{{festival}}快乐，阖家幸福！';

export interface Occasion {
  /** part of the dedupe key: `birthday` or `holiday-<id>` */
  occasion: string;
  festival: string;
  template: string;
  /** who is greeted: customers with one of these birthdays (MM-DD), or every customer when null */
  birthdays: string[] | null;
}

/**
 * What is celebrated on local date `today` (YYYY-MM-DD): birthdays by month and day (29 Feb ones
 * on 28 Feb in common years), then every holiday dated today, which greets every customer.
 */
export function greetingOccasions(holidays: HolidayRow[], today: string): Occasion[] {
  return [
    { occasion: 'birthday', festival: '生日', template: BIRTHDAY_GREETING, birthdays: birthdaysOn(today) },
    ...holidays.filter((h) => h.date === today)
      .map((h) => ({ occasion: `holiday-${h.id}`, festival: h.name, template: h.greeting || HOLIDAY_GREETING, birthdays: null })),
  ];
}

/**
 * Greetings due on local date `today` for each customer, in the order of greetingOccasions. The
 * greetings job asks the database the same question in SQL (greetings.ts), from the same occasions.
 */
export function greetingsDue(customers: GreetCustomer[], holidays: HolidayRow[], today: string): Greeting[] {
  const occasions = greetingOccasions(holidays, today);
  const out: Greeting[] = [];
  for (const c of customers) {
    const b = c.birthday?.slice(5, 10);
    for (const o of occasions) {
      if (o.birthdays && !(b && o.birthdays.includes(b))) continue;
      out.push({ customerId: c.id, occasion: o.occasion, festival: o.festival, template: o.template });
    }
  }
  return out;
}

export interface DoneVisit { id: number; ownerId: number | null; customerId: number | null; completedAt: Date; subject: string }

/**
 * Return visits (回访) due: visits completed `days` days before today (local day in `tz`) whose
 * customer has had no follow-up since (`lastByCustomer`: the latest completion per customer).
 */
export function returnVisitsDue(visits: DoneVisit[], lastByCustomer: Map<number, Date>, now: Date, days: number, tz: string): DoneVisit[] {
  const [start] = dayBounds(tz, new Date(now.getTime() - days * DAY));
  const [, end] = dayBounds(tz, new Date(now.getTime() - days * DAY));
  return visits.filter((v) => v.ownerId && v.customerId && v.completedAt >= start && v.completedAt < end
    && !((lastByCustomer.get(v.customerId)?.getTime() ?? 0) > v.completedAt.getTime()))
    .sort((a, b) => a.id - b.id);
}
