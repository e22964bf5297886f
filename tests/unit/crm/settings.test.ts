// startOfDay: "today" for per-day rules (claims per day) is the calendar day in the configured
// time zone, not the server's and not UTC.
import { startOfDay } from '../../../backend/src/crm/settings';

const at = (iso: string, tz = 'Asia/Shanghai') => startOfDay(tz, new Date(iso)).toISOString();

describe('startOfDay in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('is Shanghai midnight, which is 16:00 UTC the day before', () => {
    expect(at('2026-11-23T05:00:00Z')).toBe('2026-11-22T16:00:00.000Z');
  });

  it('already counts 01:00 in Shanghai (17:00 UTC) as the next day', () => {
    expect(at('2026-11-23T17:00:00Z')).toBe('2026-11-23T16:00:00.000Z');
  });

  it('puts the last second before midnight in the old day and midnight itself in the new one', () => {
    expect(at('2026-11-23T15:59:59.999Z')).toBe('2026-11-22T16:00:00.000Z');
    expect(at('2026-11-23T16:00:00.000Z')).toBe('2026-11-23T16:00:00.000Z');
    expect(at('2026-11-23T16:00:00.001Z')).toBe('2026-11-23T16:00:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(at('2026-12-31T16:30:00Z')).toBe('2026-12-31T16:00:00.000Z');
    expect(at('2026-11-30T18:00:00.456Z')).toBe('2026-11-30T16:00:00.000Z');
  });

  it('does not depend on the server time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(at('2026-11-23T17:00:00Z')).toBe('2026-11-23T16:00:00.000Z');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('startOfDay in other zones', () => {
  it('handles UTC and half-hour offsets', () => {
    expect(at('2026-11-23T17:00:00Z', 'UTC')).toBe('2026-11-23T00:00:00.000Z');
    expect(at('2026-11-23T20:00:00Z', 'Asia/Kolkata')).toBe('2026-11-23T18:30:00.000Z');
  });

  it('finds midnight on a day daylight saving starts or ends (the offset at midnight, not now)', () => {
    // New York, 2026-03-08: clocks go 02:00 EST → 03:00 EDT; midnight was still EST (UTC-5).
    expect(at('2026-03-08T16:00:00Z', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    // 2026-11-01: clocks go 02:00 EDT → 01:00 EST; midnight was still EDT (UTC-4).
    expect(at('2026-11-01T16:00:00Z', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
  });
});
