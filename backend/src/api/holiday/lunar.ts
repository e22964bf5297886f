// The lunar festivals customers are greeted on, computed with tyme4ts (no table to keep up):
// 春节 1/1, 元宵 1/15, 端午 5/5, 七夕 7/7, 中秋 8/15, 重阳 9/9 of the lunar year.
import { LunarDay } from 'tyme4ts';

export const FESTIVALS: [string, number, number][] = [
  ['春节', 1, 1], ['元宵节', 1, 15], ['端午节', 5, 5], ['七夕节', 7, 7], ['中秋节', 8, 15], ['重阳节', 9, 9],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The festivals of lunar years `from`..`to` as holidays rows (date YYYY-MM-DD in the solar calendar). */
export function lunarHolidays(from: number, to: number) {
  const out: { date: string; name: string; kind: 'lunar' }[] = [];
  for (let y = from; y <= to; y++) {
    for (const [name, m, d] of FESTIVALS) {
      const s = LunarDay.fromYmd(y, m, d).getSolarDay();
      out.push({ date: `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`, name, kind: 'lunar' });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
