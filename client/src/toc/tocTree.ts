import type { SectionView } from '@dalil/shared';

export interface TocNode {
  section: SectionView;
  parent: TocNode | null;
  children: TocNode[];
  /** 1 for chapters. */
  level: number;
}

export interface TocTree {
  roots: TocNode[];
  byId: Map<string, TocNode>;
}

/**
 * Nests the API's flat, ToC-ordered list. Sorting by `position` inside each parent keeps the tree
 * right even if the server's order changes; a section whose parent is missing becomes a root
 * rather than vanishing.
 */
export function buildTocTree(sections: SectionView[]): TocTree {
  const byId = new Map<string, TocNode>();
  for (const section of sections) byId.set(section.id, { section, parent: null, children: [], level: 1 });
  const roots: TocNode[] = [];
  for (const node of byId.values()) {
    const parent = node.section.parentId ? byId.get(node.section.parentId) : undefined;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const order = (nodes: TocNode[], level: number): void => {
    nodes.sort((a, b) => a.section.position - b.section.position);
    for (const node of nodes) {
      node.level = level;
      order(node.children, level + 1);
    }
  };
  order(roots, 1);
  return { roots, byId };
}

export function siblingsOf(tree: TocTree, node: TocNode): TocNode[] {
  return node.parent ? node.parent.children : tree.roots;
}

export function isInSubtree(node: TocNode, ancestor: TocNode): boolean {
  for (let current: TocNode | null = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}
