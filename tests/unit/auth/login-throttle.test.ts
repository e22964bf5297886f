import { blockedUntil, throttleConfig } from '../../../backend/src/auth/login-throttle';

const MIN = 60000;

describe('blockedUntil', () => {
  const now = 1_000_000_000_000;

  it('is 0 without a bucket or below the limit', () => {
    expect(blockedUntil(undefined, 5, 15 * MIN, now)).toBe(0);
    expect(blockedUntil({ hits: 4, windowStart: now - MIN, lockedUntil: 0 }, 5, 15 * MIN, now)).toBe(0);
  });

  it('holds a lock until it runs out', () => {
    expect(blockedUntil({ hits: 5, windowStart: now - MIN, lockedUntil: now + 14 * MIN }, 5, 15 * MIN, now)).toBe(now + 14 * MIN);
    expect(blockedUntil({ hits: 5, windowStart: now - 16 * MIN, lockedUntil: now - 1 }, 5, 15 * MIN, now)).toBe(0);
  });

  it('blocks a bucket at its limit whose lock is not written yet (a concurrent failure)', () => {
    expect(blockedUntil({ hits: 5, windowStart: now - MIN, lockedUntil: 0 }, 5, 15 * MIN, now)).toBe(now + 14 * MIN);
  });
});

describe('throttleConfig', () => {
  it('has the documented defaults and ignores nonsense', () => {
    expect(throttleConfig({})).toEqual({ accountFailures: 5, addressFailures: 50, windowMs: 15 * MIN, lockMs: 15 * MIN, addressPerMinute: 300 });
    expect(throttleConfig({ CRM_LOGIN_ACCOUNT_FAILURES: '-3', CRM_LOGIN_LOCK_MINUTES: '30' })).toMatchObject({ accountFailures: 5, lockMs: 30 * MIN });
  });
});
