// The 2-character tokens `q` looks up: the same as crm_bigrams() makes in PostgreSQL.
import { bigrams, searchExpression } from '../../../backend/src/crm/search-index';

describe('bigrams', () => {
  test('overlapping pairs of characters, lowercased, each once', () => {
    expect(bigrams('张伟')).toEqual(['张伟']);
    expect(bigrams('学区房')).toEqual(['学区', '区房']);
    expect(bigrams('AbAb')).toEqual(['ab', 'ba']);
    expect(bigrams('别')).toEqual([]);
  });
  test('no token spans whitespace (the columns are joined with a space)', () => {
    expect(bigrams('张 伟')).toEqual([]);
  });
  test('the index expression joins the columns with IMMUTABLE operators only', () => {
    expect(searchExpression(['name', 'mobile'])).toBe(`crm_bigrams(coalesce("name", '') || ' ' || coalesce("mobile", ''))`);
  });
});
