import { checkPassword } from '../../../backend/src/crm/password';

const codeOf = (p: unknown) => {
  try {
    checkPassword(p);
    return 'ok';
  } catch (e: any) {
    expect(e.details.field).toBe('password');
    return e.details.code;
  }
};

describe('checkPassword: one policy for every way a password is set', () => {
  it.each([
    ['test-pass-2026', 'ok'], ['12345678', 'ok'], ['密码安全-2026', 'ok'], ['a'.repeat(71) + 'b', 'ok'],
    ['abc123', 'password_too_short'], ['1234567', 'password_too_short'], ['密码太短了', 'password_too_short'],
    ['a'.repeat(72) + 'b', 'password_too_long'], ['密'.repeat(24) + 'x', 'password_too_long'],
    ['aaaaaaaa', 'password_too_weak'], ['pass\u0000word1', 'control_characters'],
    [undefined, 'password_required'], [12345678, 'password_required'],
  ])('%j → %s', (p, code) => {
    expect(codeOf(p)).toBe(code);
  });
});
