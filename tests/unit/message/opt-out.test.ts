import { isOptOutReply, readUnsubscribeToken, sameSecret, TRIMMED, unsubscribeToken, withOptOutPhrase } from '../../../backend/src/api/message/opt-out';
import { render, templateParts } from '../../../backend/src/api/message/template';

const REPLIES = ['R', 'T', 'TD', '退订'];

describe('opt-out replies and phrase', () => {
  it.each([['R', true], ['r', true], [' TD ', true], ['td', true], ['退订', true], ['ｒ', true], ['退 订', true],
    ['RR', false], ['好的', false], ['', false], [null, false], ['请不要再发了 R', false]])('%j → %s', (text, want) => {
    expect(isOptOutReply(text, REPLIES)).toBe(want);
  });
  it('appends the phrase once', () => {
    expect(withOptOutPhrase('周末开放 ', '拒收请回复R')).toBe('周末开放 拒收请回复R');
    expect(withOptOutPhrase('周末开放 拒收请回复R', '拒收请回复R')).toBe('周末开放 拒收请回复R');
  });
  it('trims in SQL exactly what trimEnd trims (TRIMMED: the rtrim set of withOptOutPhraseSql)', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if ((`x${ch}`.trimEnd() === 'x') !== TRIMMED.includes(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

describe('templates as parts (rendered in SQL by the greetings job)', () => {
  it('splits literal text and placeholders, and render fills them', () => {
    expect(templateParts('{{ name }}您好，{{festival}}快乐{{x}}!')).toEqual([{ key: 'name' }, '您好，', { key: 'festival' }, '快乐', { key: 'x' }, '!']);
    expect(templateParts('无占位符')).toEqual(['无占位符']);
    expect(templateParts('')).toEqual([]);
    expect(render('{{ name }}您好，{{festival}}{{x}}{{ bad-key }}', { name: 'A&B', festival: '春节' })).toBe('A&B您好，春节{{ bad-key }}');
    expect(render('{{name}}', { name: '<b>' }, { html: true })).toBe('&lt;b&gt;');
  });
});

describe('unsubscribe tokens', () => {
  it('round-trip, and refuse any change or another secret', () => {
    const t = unsubscribeToken('s3cret', 42);
    expect(readUnsubscribeToken('s3cret', t)).toEqual({ customerId: 42, channel: 'email' });
    expect(readUnsubscribeToken('other', t)).toBeNull();
    expect(readUnsubscribeToken('s3cret', t.replace('42.', '43.'))).toBeNull();
    expect(readUnsubscribeToken('s3cret', t.replace('.email.', '.sms.'))).toBeNull();
    expect(readUnsubscribeToken('s3cret', `${t}x`)).toBeNull();
    expect(readUnsubscribeToken('s3cret', 42)).toBeNull();
  });
  it('compares shared secrets, refusing when none is configured', () => {
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('a', 'b')).toBe(false);
    expect(sameSecret('', undefined)).toBe(false);
    expect(sameSecret(undefined, 'a')).toBe(false);
  });
});
