import { coerce, describeFields } from '../../../backend/src/crm/fields';

const [subject, email, mobile, status, owner, visitors, when, birthday, value, hot] = describeFields({
  subject: { type: 'string', required: true, maxLength: 5 },
  email: { type: 'email' },
  mobile: { type: 'string' },
  leadStatus: { type: 'enumeration', enum: ['active', 'qualified'] },
  owner: { type: 'relation', relation: 'manyToOne', target: 'x' },
  visitors: { type: 'relation', relation: 'manyToMany', target: 'y' },
  start: { type: 'datetime' },
  birthday: { type: 'date' },
  value: { type: 'decimal' },
  hot: { type: 'boolean' },
  password: { type: 'password', private: true },
  publishedAt: { type: 'datetime' },
}, { rename: { status: 'leadStatus' }, viaAction: ['status'] });

describe('describeFields', () => {
  it('uses API names, hides private and Strapi-managed attributes, marks action-only fields', () => {
    const all = describeFields({ a: { type: 'string' }, p: { type: 'password', private: true }, publishedAt: { type: 'datetime' } });
    expect(all.map((f) => f.api)).toEqual(['a']);
    expect(status).toMatchObject({ api: 'status', attr: 'leadStatus', viaAction: true });
    expect(owner.many).toBe(false);
    expect(visitors.many).toBe(true);
  });
});

describe('coerce', () => {
  it('accepts and normalises good values', () => {
    expect(coerce(subject, '  hi ')).toBe('hi');
    expect(coerce(email, 'a@b.cn')).toBe('a@b.cn');
    expect(coerce(mobile, '138 0000 0000')).toBe('138 0000 0000');
    expect(coerce(status, 'qualified')).toBe('qualified');
    expect(coerce(owner, '12')).toBe(12);
    expect(coerce(visitors, [3, 3, 4])).toEqual([3, 4]);
    expect(coerce(when, '2026-11-23T08:00:00+08:00')).toBe('2026-11-23T00:00:00.000Z');
    expect(coerce(birthday, '1990-02-03')).toBe('1990-02-03');
    expect(coerce(value, '12.5')).toBe(12.5);
    expect(coerce(hot, 'true')).toBe(true);
    expect(coerce(email, '')).toBeNull();
    expect(coerce(visitors, null)).toEqual([]);
  });

  it.each([
    [() => coerce(subject, ''), 'subject: is required'],
    [() => coerce(subject, 'toolong'), 'subject: is longer than 5 characters'],
    [() => coerce(subject, { a: 1 }), 'subject: must be a string'],
    [() => coerce(email, 'not-mail'), 'email: is not an email address'],
    [() => coerce(status, 'won'), 'status: must be one of active, qualified'],
    [() => coerce(owner, -1), 'owner: must be a record id'],
    [() => coerce(visitors, 3), 'visitors: must be an array of record ids'],
    [() => coerce(when, 'yesterday'), 'start: must be an ISO date-time'],
    [() => coerce(birthday, '03/02/1990'), 'birthday: must be a date (YYYY-MM-DD)'],
    [() => coerce(value, 'NaN'), 'value: must be a number'],
    [() => coerce(hot, 'yes'), 'hot: must be true or false'],
  ])('refuses bad input naming the field (%#)', (fn, message) => {
    expect(fn).toThrow(message);
  });
});

describe('coerce: bounds, control characters and JSON limits (security findings #8, #12)', () => {
  const [amount, party, note, longText, custom] = describeFields({
    amount: { type: 'decimal', min: 0, max: 1e12 },
    party: { type: 'integer', min: 1, max: 500 },
    note: { type: 'string', maxLength: 100 },
    body: { type: 'text' },
    custom: { type: 'json' },
  });
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e: any) {
      return { message: e.message, ...e.details };
    }
    throw new Error('did not throw');
  };

  it('carries min/max from the attribute', () => {
    expect(amount).toMatchObject({ min: 0, max: 1e12 });
    expect(describeFields({ n: { type: 'integer', min: '2', max: '9' } })[0]).toMatchObject({ min: 2, max: 9 });
    expect(describeFields({ n: { type: 'integer' } })[0]).toMatchObject({ min: undefined, max: undefined });
  });

  it.each([
    [() => coerce(amount, -1e308), 'amount'],
    [() => coerce(amount, '2e12'), 'amount'],
    [() => coerce(party, 1e9), 'party'],
    [() => coerce(party, 0), 'party'],
  ])('refuses numbers out of range with code out_of_range and the bounds (%#)', (fn, field) => {
    expect(codeOf(fn)).toMatchObject({ field, code: 'out_of_range' });
  });

  it('keeps numbers within range, bounds included', () => {
    expect(coerce(amount, 0)).toBe(0);
    expect(coerce(amount, 1e12)).toBe(1e12);
    expect(coerce(party, '500')).toBe(500);
    expect(codeOf(() => coerce(amount, -0.01))).toMatchObject({ min: 0, max: 1e12, message: 'amount: must be between 0 and 1000000000000' });
  });

  it.each([
    ['NUL', 'a\u0000b'], ['ESC', '\u001b[2J'], ['DEL', 'a\u007f'], ['C1', 'a\u0085b'], ['LRE', '\u202a'], ['RLO', 'abc\u202edef'],
    ['LRI', '\u2066'], ['PDI', '\u2069'], ['newline', 'a\nb'], ['tab', 'a\tb'],
  ])('refuses %s in a one-line string', (_what, value) => {
    expect(codeOf(() => coerce(note, value))).toMatchObject({ field: 'note', code: 'control_characters' });
  });

  it('long text keeps newlines, tabs and CRLF but not other control characters', () => {
    expect(coerce(longText, '一\r\n二\t三')).toBe('一\r\n二\t三');
    expect(codeOf(() => coerce(longText, 'a\u0000'))).toMatchObject({ field: 'body', code: 'control_characters' });
    expect(codeOf(() => coerce(longText, 'a\u202e'))).toMatchObject({ field: 'body', code: 'control_characters' });
    expect(coerce(note, '张三 (VIP) — 客户')).toBe('张三 (VIP) — 客户');
  });

  it('bounds JSON depth (≤ 5) and size (≤ 16 KB)', () => {
    expect(coerce(custom, { a: { b: { c: { d: 1 } } } })).toEqual({ a: { b: { c: { d: 1 } } } });
    expect(coerce(custom, [[[[['five']]]]])).toEqual([[[[['five']]]]]);
    expect(codeOf(() => coerce(custom, [[[[[['six']]]]]]))).toMatchObject({ field: 'custom', code: 'json_too_deep', max: 5 });
    let deep: any = 1;
    for (let i = 0; i < 100000; i++) deep = { d: deep };
    expect(codeOf(() => coerce(custom, deep))).toMatchObject({ field: 'custom', code: 'json_too_deep' });
    expect(coerce(custom, { s: 'x'.repeat(16000) })).toBeTruthy();
    expect(codeOf(() => coerce(custom, { s: '密'.repeat(6000) }))).toMatchObject({ field: 'custom', code: 'json_too_large', max: 16384 });
  });
});
