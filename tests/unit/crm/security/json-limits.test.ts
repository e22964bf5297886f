import { jsonBytes, jsonDepthExceeds } from '../../../../backend/src/crm/security/json-limits';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepthExceeds('text', 0)).toBe(false);
    expect(jsonDepthExceeds({}, 1)).toBe(false);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: {} }] }, 3)).toBe(true);
  });

  it('does not recurse: 200k levels are measured without a stack overflow', () => {
    let v: any = {};
    for (let i = 0; i < 200000; i++) v = [v];
    expect(jsonDepthExceeds(v, 32)).toBe(true);
  });

  it('measures UTF-8 bytes', () => {
    expect(jsonBytes({ a: '密' })).toBe('{"a":""}'.length + 3);
  });
});
