// nextRelation: what a relation holds after a write in any of Strapi's relation syntaxes.
// The write rules see every writer's data (our API, the admin panel, services), so each form counts.
import { nextRelation } from '../../../backend/src/crm/rules';

describe('importing the rules needs no server', () => {
  it('loads without a Strapi instance', () => {
    expect((globalThis as { strapi?: unknown }).strapi).toBeUndefined();
    expect(typeof nextRelation).toBe('function');
  });
});

describe('nextRelation on a to-one relation', () => {
  it('takes a plain id or an {id} object', () => {
    expect(nextRelation(5, null, false)).toBe(5);
    expect(nextRelation(5, 3, false)).toBe(5);
    expect(nextRelation({ id: 5 }, 3, false)).toBe(5);
  });

  it('takes the last of an id list', () => {
    expect(nextRelation([4, 5], 3, false)).toBe(5);
    expect(nextRelation([], 3, false)).toBeNull();
  });

  it('replaces with {set}', () => {
    expect(nextRelation({ set: [{ id: 6 }] }, 3, false)).toBe(6);
    expect(nextRelation({ set: [6] }, 3, false)).toBe(6);
    expect(nextRelation({ set: [] }, 3, false)).toBeNull();
  });

  it('applies {connect, disconnect} to the current value', () => {
    expect(nextRelation({ connect: [{ id: 7 }] }, 3, false)).toBe(7);
    expect(nextRelation({ connect: [{ id: 7 }] }, null, false)).toBe(7);
    expect(nextRelation({ disconnect: [{ id: 3 }] }, 3, false)).toBeNull();
    expect(nextRelation({ disconnect: [{ id: 9 }] }, 3, false)).toBe(3);
    expect(nextRelation({ disconnect: [{ id: 3 }], connect: [{ id: 7 }] }, 3, false)).toBe(7);
    expect(nextRelation({ connect: [] }, 3, false)).toBe(3);
    expect(nextRelation({}, 3, false)).toBe(3);
  });

  it('clears with null', () => {
    expect(nextRelation(null, 3, false)).toBeNull();
    expect(nextRelation(null, null, false)).toBeNull();
  });

  it('ignores values that are not ids', () => {
    expect(nextRelation({ set: ['abc', { id: 'x' }] }, 3, false)).toBeNull();
  });
});

describe('nextRelation on a to-many relation', () => {
  it('takes a plain id, an {id} object or an id list, once each', () => {
    expect(nextRelation(5, [1, 2], true)).toEqual([5]);
    expect(nextRelation({ id: 5 }, [1, 2], true)).toEqual([5]);
    expect(nextRelation([3, 4, 3], [1, 2], true)).toEqual([3, 4]);
    expect(nextRelation([{ id: 3 }, 4], [], true)).toEqual([3, 4]);
    expect(nextRelation([], [1, 2], true)).toEqual([]);
  });

  it('replaces with {set}', () => {
    expect(nextRelation({ set: [{ id: 3 }, { id: 4 }] }, [1, 2], true)).toEqual([3, 4]);
    expect(nextRelation({ set: [] }, [1, 2], true)).toEqual([]);
  });

  it('applies {connect, disconnect} to the current ids', () => {
    expect(nextRelation({ connect: [{ id: 3 }] }, [1, 2], true)).toEqual([1, 2, 3]);
    expect(nextRelation({ disconnect: [{ id: 1 }] }, [1, 2], true)).toEqual([2]);
    expect(nextRelation({ connect: [3], disconnect: [1] }, [1, 2], true)).toEqual([2, 3]);
    expect(nextRelation({ connect: [{ id: 2 }] }, [1, 2], true)).toEqual([1, 2]);
    expect(nextRelation({ connect: [{ id: 3 }] }, null, true)).toEqual([3]);
    expect(nextRelation({ disconnect: [{ id: 1 }] }, [], true)).toEqual([]);
  });

  it('clears with null', () => {
    expect(nextRelation(null, [1, 2], true)).toEqual([]);
  });
});
