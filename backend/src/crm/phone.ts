// Phone numbers as the team types them (138 0013 8000, +86-138…) normalized to one form, so that
// one number is one value for the duplicate check (撞单) and the unique index. Pure.
import { badRequest } from './errors';

const SHAPE = /^\+?[0-9][0-9 -]{5,19}$/;

/** The stored form of a mobile: digits (and a leading +) only; null when empty. */
export function normalizeMobile(raw: unknown, field = 'mobile'): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim();
  if (!s) return null;
  if (!SHAPE.test(s)) throw badRequest(`${field}: is not a phone number`, { field, code: 'invalid_mobile' });
  const digits = s.replace(/[ -]/g, '');
  // +86 is this market's own country code: 13800138000 and +8613800138000 are one number.
  return digits.startsWith('+86') && digits.length === 14 ? digits.slice(3) : digits;
}

/** The stored form, or null for a number the write check will refuse (for lookups ahead of it). */
export function storedMobileOrNull(raw: unknown): string | null {
  try {
    return normalizeMobile(raw);
  } catch {
    return null;
  }
}

/** 138****3525: enough to recognise a number, not to call it. */
export function maskMobile(mobile: unknown): string | null {
  if (typeof mobile !== 'string' || !mobile) return null;
  return mobile.length > 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}
