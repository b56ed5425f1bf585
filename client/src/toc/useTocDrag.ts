import { useCallback, useRef, useState, type DragEvent } from 'react';
import { dropMove, isNoop, type DropZone } from './tocMoves.ts';
import type { TocNode, TocTree } from './tocTree.ts';
import type { TocActions } from './useTocActions.ts';

const MIME = 'application/x-dalil-section';

export interface TocDrag {
  draggingId: string | null;
  target: { id: string; zone: DropZone } | null;
  start: (event: DragEvent<HTMLElement>, node: TocNode) => void;
  over: (event: DragEvent<HTMLElement>, node: TocNode) => void;
  leave: (node: TocNode) => void;
  drop: (event: DragEvent<HTMLElement>, node: TocNode) => void;
  end: () => void;
}

/** Upper and lower quarters of a row drop before/after it; the middle nests inside it. */
function zoneAt(event: DragEvent<HTMLElement>): DropZone {
  const rect = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - rect.top) / Math.max(rect.height, 1);
  return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
}

/** Native HTML drag and drop for reordering and re-nesting table-of-contents entries. */
export function useTocDrag(tree: TocTree, actions: TocActions): TocDrag {
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [target, setTarget] = useState<{ id: string; zone: DropZone } | null>(null);
  const dragged = useRef<string | null>(null);

  const start = useCallback((event: DragEvent<HTMLElement>, node: TocNode) => {
    dragged.current = node.section.id;
    setDraggingId(node.section.id);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(MIME, node.section.id);
    event.dataTransfer.setData('text/plain', node.section.title);
    const row = event.currentTarget.closest('.toc-row');
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
  }, []);

  const over = useCallback(
    (event: DragEvent<HTMLElement>, node: TocNode) => {
      const source = dragged.current ? tree.byId.get(dragged.current) : undefined;
      if (!source) return;
      const zone = zoneAt(event);
      if (!dropMove(tree, source, node, zone)) return; // not a valid drop: leave the default (refuse)
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setTarget((current) => (current?.id === node.section.id && current.zone === zone ? current : { id: node.section.id, zone }));
    },
    [tree],
  );

  const leave = useCallback((node: TocNode) => {
    setTarget((current) => (current?.id === node.section.id ? null : current));
  }, []);

  const end = useCallback(() => {
    dragged.current = null;
    setDraggingId(null);
    setTarget(null);
  }, []);

  const drop = useCallback(
    (event: DragEvent<HTMLElement>, node: TocNode) => {
      event.preventDefault();
      const source = dragged.current ? tree.byId.get(dragged.current) : undefined;
      const zone = zoneAt(event);
      end();
      if (!source) return;
      const move = dropMove(tree, source, node, zone);
      if (move && !isNoop(tree, source, move)) void actions.move(tree, source, move);
    },
    [actions, end, tree],
  );

  return { draggingId, target, start, over, leave, drop, end };
}
