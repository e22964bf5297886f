// The shipped lunar festivals, computed rather than typed in: spot-checked against the almanac.
import { lunarHolidays } from '../../../backend/src/api/holiday/lunar';

describe('lunarHolidays', () => {
  const all = lunarHolidays(2027, 2030);
  const on = (name: string, year: string) => all.find((h) => h.name === name && h.date.startsWith(year))?.date;

  it('has six festivals a year for 2027–2030, in date order', () => {
    expect(all).toHaveLength(24);
    expect(all.map((h) => h.date)).toEqual([...all.map((h) => h.date)].sort());
    expect(new Set(all.map((h) => h.name))).toEqual(new Set(['春节', '元宵节', '端午节', '七夕节', '中秋节', '重阳节']));
  });

  it('puts 春节 2027 on 6 February, 端午 2027 on 9 June, 春节 2028 on 26 January', () => {
    expect(on('春节', '2027')).toBe('2027-02-06');
    expect(on('元宵节', '2027')).toBe('2027-02-20');
    expect(on('端午节', '2027')).toBe('2027-06-09');
    expect(on('春节', '2028')).toBe('2028-01-26');
    expect(on('中秋节', '2030')).toBe('2030-09-12');
  });
});
