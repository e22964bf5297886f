// The one password policy, for every way a password is set: staff create, an admin's reset and
// a member's own change-password. Pure. bcrypt ignores everything after 72 bytes, so a longer
// password would silently be a shorter one.
import { badRequest } from './errors';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX_BYTES = 72;

/** Returns the password if acceptable, else throws a 400 naming `field` with a `code`. */
export function checkPassword(p: unknown, field = 'password'): string {
  if (typeof p !== 'string') {
    throw badRequest(`${field}: must be text of ${PASSWORD_MIN} to ${PASSWORD_MAX_BYTES} characters`, { field, code: 'password_required' });
  }
  if ([...p].length < PASSWORD_MIN) {
    throw badRequest(`${field}: must be at least ${PASSWORD_MIN} characters`, { field, code: 'password_too_short', min: PASSWORD_MIN });
  }
  if (Buffer.byteLength(p, 'utf8') > PASSWORD_MAX_BYTES) {
    throw badRequest(`${field}: must be at most ${PASSWORD_MAX_BYTES} bytes`, { field, code: 'password_too_long', max: PASSWORD_MAX_BYTES });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(p)) {
    throw badRequest(`${field}: must not contain control characters`, { field, code: 'control_characters' });
  }
  if (new Set(p).size === 1) {
    throw badRequest(`${field}: must not be one character repeated`, { field, code: 'password_too_weak' });
  }
  return p;
}
