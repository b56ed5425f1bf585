import { tocDepths, tocOrder, type TocNode } from '@dalil/shared';

/**
 * "1", "1.1", "1.2", "2"… in table-of-contents order: the numbers headings carry in every format.
 */
export function sectionNumbers<T extends TocNode>(nodes: readonly T[]): Array<{ node: T; depth: number; number: string }> {
  const depths = tocDepths(nodes);
  const counters: number[] = [];
  return tocOrder(nodes).map((node) => {
    const depth = depths.get(node.id) ?? 0;
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    for (let i = 0; i < depth; i++) counters[i] ??= 1;
    return { node, depth, number: counters.join('.') };
  });
}
