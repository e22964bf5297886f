// Submissions per client address, counted in the login throttle's store (one atomic upsert per
// hit, shared by every instance): an honest visitor sends one or two; a script is stopped.
import type { Core } from '@strapi/strapi';
import { attemptStore } from '../../../auth/attempt-store';
import { CrmError } from '../../../crm/errors';

const WINDOW_MS = 10 * 60000;
const limit = () => {
  const n = Number(process.env.CRM_PUBLIC_FORM_PER_10MIN);
  return Number.isSafeInteger(n) && n > 0 ? n : 20;
};

export async function throttleForm(strapi: Core.Strapi, ip: string, now = Date.now()) {
  const b = await attemptStore(strapi).hit(`form:${ip}`, WINDOW_MS, now);
  if (b.hits > limit()) {
    const retry = Math.max(1, Math.ceil((b.windowStart + WINDOW_MS - now) / 1000));
    throw new CrmError(429, 'TooManyRequestsError', 'too many submissions from this address', { code: 'form_throttled', retryAfter: retry });
  }
}
