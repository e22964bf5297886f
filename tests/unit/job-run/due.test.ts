// What each job finds due at a frozen instant, in the configured time zone.
import cron from 'node-cron';
import { dailyAt, dayBounds, DIGEST_LINES, greetingsDue, localDate, poolReturnDue, remindersDue, returnVisitsDue, unassignedLeadsDue, type StaffRef } from '../../../backend/src/api/job-run/jobs/due';

const TZ = 'Asia/Shanghai';
// 2026-12-01 09:00 in Shanghai
const NOW = new Date('2026-12-01T01:00:00Z');

describe('the day in the configured zone', () => {
  it('is Shanghai\'s calendar day, not UTC\'s', () => {
    expect(localDate(TZ, new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01'); // 01:00 in Shanghai
    expect(dayBounds(TZ, NOW).map((d) => d.toISOString())).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-01T16:00:00.000Z']);
  });

  it('is 23 hours long on a spring-forward day elsewhere', () => {
    const [s, e] = dayBounds('America/New_York', new Date('2027-03-14T15:00:00Z'));
    expect((e.getTime() - s.getTime()) / 3600000).toBe(23);
  });
});

describe('remindersDue', () => {
  const staff = new Map<number, StaffRef>([
    [1, { id: 1, supervisorId: 9, name: '张三' }],
    [2, { id: 2, supervisorId: null, name: '李四' }],
    [9, { id: 9, supervisorId: null, name: '王经理' }],
  ]);
  const p = (id: number, ownerId: number, iso: string, subject = `跟进${id}`) => ({ id, ownerId, start: new Date(iso), subject, customer: '客户' });

  it('digests today\'s follow-ups per owner, one key per owner and day', () => {
    const due = remindersDue([
      p(1, 1, '2026-12-01T06:00:00Z', '报价'), // 14:00 today
      p(2, 1, '2026-12-01T15:59:00Z', '晚间回访'), // 23:59 today
      p(3, 1, '2026-12-01T16:00:00Z'), // tomorrow 00:00: not today
      p(4, 2, '2026-12-01T02:00:00Z'),
    ], staff, NOW, TZ).filter((d) => d.kind === 'today');
    expect(due.map((d) => [d.staffId, d.key, d.count])).toEqual([[1, 'reminder:1:2026-12-01', 2], [2, 'reminder:2:2026-12-01', 1]]);
    expect(due[0].body).toBe('14:00 报价（客户）\n23:59 晚间回访（客户）');
  });

  it('alerts overdue follow-ups to the owner and the owner\'s supervisor, naming the owner for the supervisor', () => {
    const due = remindersDue([p(5, 1, '2026-11-29T02:00:00Z', '看房'), p(6, 2, '2026-12-01T00:30:00Z')], staff, NOW, TZ).filter((d) => d.kind === 'overdue');
    expect(due.map((d) => [d.staffId, d.key, d.count])).toEqual([[1, 'overdue:1:2026-12-01', 1], [2, 'overdue:2:2026-12-01', 1], [9, 'overdue:9:2026-12-01', 1]]);
    expect(due.find((d) => d.staffId === 9)!.body).toBe('【张三】2026-11-29 10:00 看房（客户）');
    expect(due.find((d) => d.staffId === 1)!.body).toBe('2026-11-29 10:00 看房（客户）');
  });

  it('finds nothing when nothing is planned', () => {
    expect(remindersDue([], staff, NOW, TZ)).toEqual([]);
  });

  it('lists the first DIGEST_LINES follow-ups and counts the rest, from the totals the database counted', () => {
    // owner 1: 120 overdue, of which the database handed over the first 50; owner 9 supervises
    const first = Array.from({ length: DIGEST_LINES }, (_, i) => p(100 + i, 1, new Date(Date.parse('2026-11-20T01:00:00Z') + i * 60000).toISOString()));
    const due = remindersDue(first, staff, NOW, TZ, new Map([[1, { today: 0, overdue: 120 }]])).filter((d) => d.kind === 'overdue');
    expect(due.map((d) => [d.staffId, d.count, d.title])).toEqual([[1, 120, '逾期未跟进 120 项'], [9, 120, '逾期未跟进 120 项']]);
    const lines = due[0].body.split('\n');
    expect(lines).toHaveLength(DIGEST_LINES + 1);
    expect(lines[0]).toBe('2026-11-20 09:00 跟进100（客户）');
    expect(lines.at(-1)).toBe('……另有 70 项');
    // without totals, a long list is cut the same way
    const many = Array.from({ length: 60 }, (_, i) => p(300 + i, 2, '2026-12-01T05:00:00Z'));
    const today = remindersDue(many, staff, NOW, TZ).find((d) => d.staffId === 2 && d.kind === 'today')!;
    expect([today.count, today.body.split('\n').at(-1)]).toEqual([60, '……另有 10 项']);
  });
});

describe('poolReturnDue', () => {
  const c = (id: number, last: string | null, created = '2026-01-01T00:00:00Z') => ({ id, lastFollowUpAt: last ? new Date(last) : null, createdAt: new Date(created) });
  it('returns customers whose last follow-up (or creation) is older than the days', () => {
    expect(poolReturnDue([
      c(1, '2026-10-31T00:00:00Z'), // 31 days
      c(2, '2026-11-02T00:00:00Z'), // 29 days
      c(3, null), // never followed up, created long ago
      c(4, null, '2026-11-20T00:00:00Z'), // new
    ], NOW, 30)).toEqual([1, 3]);
  });
});

describe('schedules', () => {
  it('turns the reminder time into a daily cron expression, falling back on a bad one', () => {
    expect(dailyAt('08:30')).toBe('0 30 8 * * *');
    expect(dailyAt('9:05')).toBe('0 5 9 * * *');
    expect(dailyAt('25:00')).toBe('0 30 8 * * *');
    expect(dailyAt({})).toBe('0 30 8 * * *');
  });

  it('fires a 09:00 Asia/Shanghai job at 01:00 UTC (node-cron\'s own computation)', () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
    try {
      const task = cron.createTask(dailyAt('09:00'), () => undefined, { timezone: TZ });
      expect(task.getNextRuns(2).map((d) => d.toISOString())).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z']);
      task.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('unassignedLeadsDue', () => {
  const l = (id: number, ownerId: number | null, created: string) => ({ id, ownerId, createdAt: new Date(created), subject: `线索${id}` });
  it('finds leads without an owner or still with reception past the deadline, oldest first', () => {
    const due = unassignedLeadsDue([
      l(1, null, '2026-11-28T00:00:00Z'),
      l(2, 50, '2026-11-27T00:00:00Z'), // reception still holds it
      l(3, 7, '2026-11-20T00:00:00Z'), // a consultant has it
      l(4, null, '2026-11-30T12:00:00Z'), // within the 2 days
    ], new Set([50]), NOW, 2);
    expect(due.map((x) => x.id)).toEqual([2, 1]);
  });
});

describe('greetingsDue', () => {
  const customers = [
    { id: 1, name: '王先生', birthday: '1985-12-01' },
    { id: 2, name: '李女士', birthday: '1990-02-29' },
    { id: 3, name: '赵先生', birthday: null },
  ];
  const holidays = [{ id: 8, date: '2027-02-06', name: '春节', greeting: null }, { id: 9, date: '2027-02-07', name: '别的', greeting: null }];

  it('wishes a happy birthday on the day and month', () => {
    expect(greetingsDue(customers, holidays, '2026-12-01')).toEqual([{ customerId: 1, occasion: 'birthday', festival: '生日', template: expect.any(String) }]);
  });

  it('greets a 29 February birthday on 28 February in common years only', () => {
    expect(greetingsDue(customers, [], '2027-02-28').map((g) => g.customerId)).toEqual([2]);
    expect(greetingsDue(customers, [], '2028-02-28')).toEqual([]);
    expect(greetingsDue(customers, [], '2028-02-29').map((g) => g.customerId)).toEqual([2]);
  });

  it('greets every customer on a holiday, with its own template when it has one', () => {
    const due = greetingsDue(customers, [{ ...holidays[0], greeting: '{{name}}，新春大吉' }], '2027-02-06');
    expect(due.map((g) => [g.customerId, g.occasion, g.festival, g.template])).toEqual([
      [1, 'holiday-8', '春节', '{{name}}，新春大吉'], [2, 'holiday-8', '春节', '{{name}}，新春大吉'], [3, 'holiday-8', '春节', '{{name}}，新春大吉'],
    ]);
  });
});

describe('returnVisitsDue', () => {
  const v = (id: number, customerId: number, completed: string) => ({ id, ownerId: 5, customerId, completedAt: new Date(completed), subject: '看房' });
  it('finds visits completed exactly `days` local days ago whose customer was not followed up since', () => {
    // NOW is 2026-12-01 09:00 Shanghai; 7 days ago is 2026-11-24 (Shanghai)
    const visits = [
      v(1, 10, '2026-11-24T02:00:00Z'), // 24 Nov 10:00 Shanghai: due
      v(2, 11, '2026-11-23T17:00:00Z'), // 24 Nov 01:00 Shanghai: due
      v(3, 12, '2026-11-23T15:00:00Z'), // 23 Nov 23:00 Shanghai: a day too early
      v(4, 13, '2026-11-24T03:00:00Z'), // followed up since
    ];
    const last = new Map([[10, new Date('2026-11-24T02:00:00Z')], [13, new Date('2026-11-27T03:00:00Z')]]);
    expect(returnVisitsDue(visits, last, NOW, 7, TZ).map((x) => x.id)).toEqual([1, 2]);
  });
});
