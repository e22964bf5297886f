// The login throttle (replaces users-permissions' per-address rate limit, which counted
// successful logins too: a sales floor behind one NAT was locked out at 9 a.m.).
// - per account: N failed passwords within the window lock that account (429 `login_locked`);
// - per client address: a higher ceiling of failures, whichever accounts they name, so rotating
//   identifiers does not escape (429 `login_throttled`);
// - every attempt from one address, successful or not, under a generous per-minute ceiling.
// A locked request never reaches the password check. Counters live in the database
// (attempt-store.ts), so they hold across instances and restarts.
import type { Core } from '@strapi/strapi';
import { attemptStore, type Bucket } from './attempt-store';

export interface ThrottleConfig {
  accountFailures: number;
  addressFailures: number;
  windowMs: number;
  lockMs: number;
  addressPerMinute: number;
}

export function throttleConfig(env: NodeJS.ProcessEnv = process.env): ThrottleConfig {
  const int = (name: string, dflt: number) => {
    const n = Number(env[name]);
    return Number.isSafeInteger(n) && n > 0 ? n : dflt;
  };
  const minutes = int('CRM_LOGIN_LOCK_MINUTES', 15);
  return {
    accountFailures: int('CRM_LOGIN_ACCOUNT_FAILURES', 5),
    addressFailures: int('CRM_LOGIN_ADDRESS_FAILURES', 50),
    windowMs: minutes * 60000,
    lockMs: minutes * 60000,
    addressPerMinute: int('CRM_LOGIN_ADDRESS_PER_MINUTE', 300),
  };
}

const BAD_CREDENTIALS = 'Invalid identifier or password';

/** When the bucket refuses attempts, the instant it will accept them again; else 0. Pure. */
export function blockedUntil(b: Bucket | undefined, limit: number, windowMs: number, now: number): number {
  if (!b) return 0;
  if (b.lockedUntil > now) return b.lockedUntil;
  if (b.hits >= limit && b.windowStart + windowMs > now && b.lockedUntil === 0) return b.windowStart + windowMs;
  return 0;
}

function refuse(ctx: any, code: 'login_locked' | 'login_throttled', until: number, now: number) {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const retryAt = new Date(until).toISOString();
  const what = code === 'login_locked' ? 'Too many failed logins for this account' : 'Too many login attempts from this address';
  ctx.set('Retry-After', String(seconds));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: {
      status: 429, name: 'RateLimitError',
      message: `${what}: try again after ${retryAt} (in ${Math.ceil(seconds / 60)} min)`,
      details: { field: 'identifier', code, retryAt, retryAfterSeconds: seconds },
    },
  };
}

export function loginThrottle(strapi: Core.Strapi, config: ThrottleConfig = throttleConfig()) {
  const store = attemptStore(strapi);

  /** `user:<id>` whichever of username or email names the account, so spelling it twice does not double the allowance. */
  async function accountKey(identifier: string) {
    const user: any = await strapi.db.query('plugin::users-permissions.user' as any).findOne({
      where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
      select: ['id'],
    });
    return user ? `user:${user.id}` : `name:${identifier.toLowerCase().slice(0, 200)}`;
  }

  return async (ctx: any, next: () => Promise<void>) => {
    const identifier = ctx.request.body?.identifier;
    if (typeof identifier !== 'string' || !identifier) return next(); // Strapi's own 400
    const now = Date.now();
    const ip = String(ctx.request.ip ?? 'unknown');
    const account = await accountKey(identifier);
    const address = `addr:${ip}`;
    const rate = await store.hit(`rate:${ip}`, 60000, now);
    if (rate.hits > config.addressPerMinute) return refuse(ctx, 'login_throttled', rate.windowStart + 60000, now);

    const buckets = await store.read([account, address]);
    const accountUntil = blockedUntil(buckets.get(account), config.accountFailures, config.windowMs, now);
    if (accountUntil) return refuse(ctx, 'login_locked', accountUntil, now);
    const addressUntil = blockedUntil(buckets.get(address), config.addressFailures, config.windowMs, now);
    if (addressUntil) return refuse(ctx, 'login_throttled', addressUntil, now);

    try {
      await next();
    } catch (e: any) {
      if (e?.message === BAD_CREDENTIALS) await failed(account, address, now);
      throw e;
    }
    if (ctx.status === 200) await store.clear(account);
    if (Math.random() < 0.01) await store.prune(24 * 3600000, now);
  };

  async function failed(account: string, address: string, now: number) {
    const a = await store.hit(account, config.windowMs, now);
    if (a.hits >= config.accountFailures) await store.lock(account, now + config.lockMs);
    const b = await store.hit(address, config.windowMs, now);
    if (b.hits >= config.addressFailures) await store.lock(address, now + config.lockMs);
  }
}

export const ensureThrottleIndex = (strapi: Core.Strapi) => attemptStore(strapi).ensureIndex();
