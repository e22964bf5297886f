import { issuedAfter } from '../../../backend/src/auth/sessions';

describe('issuedAfter: an access token against the session epoch', () => {
  const epoch = Date.UTC(2026, 11, 1, 10, 0, 0, 400);
  const sec = Math.floor(epoch / 1000);

  it('accepts every token when sessions were never ended', () => {
    expect(issuedAfter(1, 0)).toBe(true);
  });

  it('refuses tokens of an earlier second, accepts those of a later one', () => {
    expect(issuedAfter(sec - 1, epoch)).toBe(false);
    expect(issuedAfter(sec + 1, epoch)).toBe(true);
  });

  it('leaves the epoch\'s own second to the session check (iat has second precision)', () => {
    expect(issuedAfter(sec, epoch)).toBeUndefined();
    expect(issuedAfter(sec, sec * 1000)).toBe(true);
  });
});
