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
