/** The minimum a node needs to be placed in a table of contents. */
export interface TocNode {
  id: string;
  parentId: string | null;
  position: number;
}

/**
 * Depth-first table-of-contents order: each chapter followed by its sub-sections, siblings by
 * position. Nodes whose parent is absent are treated as top level, so a broken link never hides a
 * section.
 */
export function tocOrder<T extends TocNode>(nodes: readonly T[]): T[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(node);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const out: T[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null) => {
    for (const node of children.get(parent) ?? []) {
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      out.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return out;
}

/** Depth of each node (0 for chapters), keyed by id. */
export function tocDepths(nodes: readonly TocNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depths = new Map<string, number>();
  const depthOf = (node: TocNode, guard: number): number => {
    const known = depths.get(node.id);
    if (known !== undefined) return known;
    const parent = node.parentId !== null ? byId.get(node.parentId) : undefined;
    const depth = parent && guard < nodes.length ? depthOf(parent, guard + 1) + 1 : 0;
    depths.set(node.id, depth);
    return depth;
  };
  for (const node of nodes) depthOf(node, 0);
  return depths;
}
