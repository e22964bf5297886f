// What dispatch does with a message at a frozen instant: opt-out, missing address, quiet hours.
import { backoffMs, decide, quietUntil } from '../../../backend/src/api/message/policy';
import { escapeHtml, render } from '../../../backend/src/api/message/template';

const TZ = 'Asia/Shanghai';
const QUIET = { from: '21:00', to: '08:00' };
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const sms = (customerId: number | null = 7) => ({ channel: 'sms', to: '13800138000', customerId });

describe('quiet hours (21:00–08:00 Shanghai)', () => {
  it('hold an SMS to a customer at 22:30 until 08:00 the next morning', () => {
    expect(decide(sms(), {}, at('2026-12-01T22:30:00'), TZ, QUIET)).toEqual({ action: 'wait', until: at('2026-12-02T08:00:00') });
  });

  it('hold one at 06:00 until 08:00 the same day', () => {
    expect(quietUntil(at('2026-12-01T06:00:00'), TZ, QUIET)).toEqual(at('2026-12-01T08:00:00'));
  });

  it('let it go at 08:00 and at 20:59', () => {
    expect(decide(sms(), {}, at('2026-12-01T08:00:00'), TZ, QUIET)).toEqual({ action: 'send' });
    expect(decide(sms(), {}, at('2026-12-01T20:59:00'), TZ, QUIET)).toEqual({ action: 'send' });
  });

  it('do not hold staff messages or emails', () => {
    expect(decide(sms(null), null, at('2026-12-01T23:00:00'), TZ, QUIET)).toEqual({ action: 'send' });
    expect(decide({ channel: 'email', to: 'a@b.c', customerId: 7 }, {}, at('2026-12-01T23:00:00'), TZ, QUIET)).toEqual({ action: 'send' });
  });

  it('work within one day too (12:00–14:00), and not at all when unset or malformed', () => {
    expect(quietUntil(at('2026-12-01T13:00:00'), TZ, { from: '12:00', to: '14:00' })).toEqual(at('2026-12-01T14:00:00'));
    expect(quietUntil(at('2026-12-01T23:00:00'), TZ, null)).toBeNull();
    expect(quietUntil(at('2026-12-01T23:00:00'), TZ, { from: 'late', to: '08:00' })).toBeNull();
  });
});

describe('opt-out and addresses', () => {
  it('skips SMS to a customer who opted out of SMS, and email to one who opted out of email', () => {
    expect(decide(sms(), { smsOptOut: true }, at('2026-12-01T10:00:00'), TZ, QUIET)).toEqual({ action: 'skip', reason: 'opt_out' });
    expect(decide({ channel: 'email', to: 'a@b.c', customerId: 7 }, { emailOptOut: true }, at('2026-12-01T10:00:00'), TZ, QUIET)).toEqual({ action: 'skip', reason: 'opt_out' });
    expect(decide({ channel: 'email', to: 'a@b.c', customerId: 7 }, { smsOptOut: true }, at('2026-12-01T10:00:00'), TZ, QUIET)).toEqual({ action: 'send' });
  });

  it('skips a message without an address', () => {
    expect(decide({ channel: 'sms', to: null, customerId: 7 }, {}, at('2026-12-01T10:00:00'), TZ, QUIET)).toEqual({ action: 'skip', reason: 'no_address' });
  });
});

it('backs off 1, 4, 16, 64 minutes, at most 6 hours', () => {
  expect([1, 2, 3, 4, 9].map((n) => backoffMs(n) / 60000)).toEqual([1, 4, 16, 64, 360]);
});

describe('templates', () => {
  it('fill {{placeholders}} by name only, unknown ones empty', () => {
    expect(render('{{name}}您好，{{ festival }}快乐{{missing}}', { name: '王先生', festival: '春节' })).toBe('王先生您好，春节快乐');
  });

  it('run no code and reach no prototype', () => {
    expect(render('{{constructor}}{{__proto__}}{{ name.length }}{{7*7}}', { name: 'x' })).toBe('{{ name.length }}{{7*7}}');
  });

  it('escape values for email HTML', () => {
    expect(render('<b>{{name}}</b>', { name: '<script>alert(1)</script>&"' }, { html: true })).toBe('<b>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;</b>');
    expect(escapeHtml("'")).toBe('&#39;');
  });
});

describe('a staff member’s own preference', () => {
  const email = { channel: 'email', to: 'sales1@test.local', customerId: null };
  it('skips the email copy for one who switched email off, never the bell', () => {
    const now = at('2026-12-01T10:00:00');
    expect(decide(email, null, now, TZ, QUIET, { notifyByEmail: false })).toEqual({ action: 'skip', reason: 'opt_out' });
    expect(decide(email, null, now, TZ, QUIET, { notifyByEmail: true })).toEqual({ action: 'send' });
    expect(decide(email, null, now, TZ, QUIET, {})).toEqual({ action: 'send' });
    expect(decide({ channel: 'inapp', to: null, customerId: null }, null, now, TZ, QUIET, { notifyByEmail: false })).toEqual({ action: 'send' });
  });
});
