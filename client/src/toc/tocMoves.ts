import type { UpdateSectionBody } from '@dalil/shared';
import { isInSubtree, siblingsOf, type TocNode, type TocTree } from './tocTree.ts';

/** A move as the API takes it: the new parent and the target index among the new siblings. */
export type Move = Required<Pick<UpdateSectionBody, 'parentId' | 'position'>>;

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/**
 * Alt+Arrow moves: up/down among siblings, indent = become the last child of the previous
 * sibling, outdent = follow the parent at its own level. Null when there is nowhere to go.
 */
export function keyboardMove(tree: TocTree, node: TocNode, move: KeyboardMove): Move | null {
  const siblings = siblingsOf(tree, node);
  const index = siblings.indexOf(node);
  const parentId = node.parent?.section.id ?? null;
  switch (move) {
    case 'up':
      return index > 0 ? { parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId, position: index + 1 } : null;
    case 'indent': {
      const previous = siblings[index - 1];
      return previous ? { parentId: previous.section.id, position: previous.children.length } : null;
    }
    case 'outdent': {
      const parent = node.parent;
      if (!parent) return null;
      const parentIndex = siblingsOf(tree, parent).indexOf(parent);
      return { parentId: parent.parent?.section.id ?? null, position: parentIndex + 1 };
    }
  }
}

export type DropZone = 'before' | 'inside' | 'after';

/**
 * Where a dragged section lands when dropped on `target`. Positions are indexes in the sibling
 * list *after* the dragged section left its old place, hence the shift when it moves down
 * within the same parent.
 */
export function dropMove(tree: TocTree, dragged: TocNode, target: TocNode, zone: DropZone): Move | null {
  if (isInSubtree(target, dragged)) return null; // cannot drop a chapter into itself
  if (zone === 'inside') {
    const position = target.children.filter((child) => child !== dragged).length;
    return { parentId: target.section.id, position };
  }
  const siblings = siblingsOf(tree, target).filter((sibling) => sibling !== dragged);
  const targetIndex = siblings.indexOf(target);
  return {
    parentId: target.parent?.section.id ?? null,
    position: zone === 'before' ? targetIndex : targetIndex + 1,
  };
}

/** True when the move would leave the section where it already is. */
export function isNoop(tree: TocTree, node: TocNode, move: Move): boolean {
  const parentId = node.parent?.section.id ?? null;
  return parentId === move.parentId && siblingsOf(tree, node).indexOf(node) === move.position;
}
