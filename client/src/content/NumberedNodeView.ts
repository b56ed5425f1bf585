import type { Node as PmNode } from '@tiptap/pm/model';
import type { Decoration } from '@tiptap/pm/view';
import { numberFromDecorations } from './contentNumbering.ts';

/**
 * What the numbered node views (tables, figures, footnotes) share: the numbering plugin hands each
 * its number as a node decoration, so an update with new decorations is a redraw of the number,
 * not a new view.
 */
export abstract class NumberedNodeView {
  protected node: PmNode;
  protected number: number;

  protected constructor(node: PmNode, decorations: readonly Decoration[]) {
    this.node = node;
    this.number = numberFromDecorations(decorations);
  }

  protected abstract render(): void;

  update(node: PmNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.number = numberFromDecorations(decorations);
    this.render();
    return true;
  }
}
