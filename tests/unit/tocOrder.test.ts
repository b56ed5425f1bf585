import { describe, expect, it } from 'vitest';
import { tocDepths, tocOrder } from '@dalil/shared';

describe('tocOrder', () => {
  it('orders chapters by position, each followed by its sub-sections', () => {
    const nodes = [
      { id: 'b', parentId: null, position: 1 },
      { id: 'a2', parentId: 'a', position: 1 },
      { id: 'a', parentId: null, position: 0 },
      { id: 'a1', parentId: 'a', position: 0 },
      { id: 'a1x', parentId: 'a1', position: 0 },
      { id: 'orphan', parentId: 'gone', position: 2 },
    ];
    expect(tocOrder(nodes).map((n) => n.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b', 'orphan']);
    expect(Object.fromEntries(tocDepths(nodes))).toMatchObject({ a: 0, a1: 1, a1x: 2, orphan: 0 });
  });
});
