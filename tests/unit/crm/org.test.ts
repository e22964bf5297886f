import { subtree } from '../../../backend/src/crm/org';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

// 1 公司 ├ 2 A店 ─ 4 A1组 ─ 6 A1a
//        │        └ 5 A2组
//        └ 3 B店
const ORG = [
  { id: 1, parent: null },
  { id: 2, parent: 1 },
  { id: 3, parent: 1 },
  { id: 4, parent: 2 },
  { id: 5, parent: 2 },
  { id: 6, parent: 4 },
];

describe('subtree: a department and every department under it', () => {
  it('collects each level below the root, and nothing beside or above it', () => {
    expect(sorted(subtree(ORG, 1))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sorted(subtree(ORG, 2))).toEqual([2, 4, 5, 6]);
    expect(sorted(subtree(ORG, 4))).toEqual([4, 6]);
    expect(subtree(ORG, 3)).toEqual([3]);
    expect(subtree(ORG, 6)).toEqual([6]);
  });

  it('answers the root alone when it is unknown or the tree is empty', () => {
    expect(subtree(ORG, 99)).toEqual([99]);
    expect(subtree([], 1)).toEqual([1]);
  });

  it('does not depend on the order departments are listed in', () => {
    expect(sorted(subtree([...ORG].reverse(), 2))).toEqual([2, 4, 5, 6]);
  });

  it('walks a chain 1000 levels deep', () => {
    const chain = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, parent: i === 0 ? null : i }));
    const all = subtree(chain, 1);
    expect(all).toHaveLength(1000);
    expect(sorted(all)).toEqual(chain.map((d) => d.id));
    expect(sorted(subtree(chain, 990))).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]);
    expect(subtree(chain, 1000)).toEqual([1000]);
  });

  it('stops on cycles instead of looping', () => {
    const cycle = [{ id: 1, parent: 3 }, { id: 2, parent: 1 }, { id: 3, parent: 2 }, { id: 4, parent: 3 }];
    expect(sorted(subtree(cycle, 1))).toEqual([1, 2, 3, 4]);
    expect(sorted(subtree(cycle, 4))).toEqual([4]);
    expect(subtree([{ id: 7, parent: 7 }], 7)).toEqual([7]);
    // a long ring of 1000 departments
    const ring = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, parent: i === 0 ? 1000 : i }));
    expect(subtree(ring, 500)).toHaveLength(1000);
  });

  it('lists each department once', () => {
    const ids = subtree(ORG, 1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
