import { tocOrder, type TocNode } from '@dalil/shared';

/** "1", "1.2", "1.2.3": each section's number from its place in the table of contents. */
export function sectionNumbers(nodes: readonly TocNode[]): Map<string, string> {
  const numbers = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const node of tocOrder(nodes)) {
    const parent = node.parentId !== null && numbers.has(node.parentId) ? node.parentId : null;
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    numbers.set(node.id, parent === null ? String(n) : `${numbers.get(parent)}.${n}`);
  }
  return numbers;
}
