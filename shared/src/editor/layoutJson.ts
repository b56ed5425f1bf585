import * as Y from 'yjs';
import { COMMENT_MARK } from '../comments/commentMark.ts';

/** A ProseMirror-shaped JSON node (what TipTap's `getJSON()` gives), for layout and export. */
export interface LayoutNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: LayoutNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/** Marks that belong to the conversation around the text, not to the text that goes to layout. */
const CONVERSATION_MARKS = new Set([COMMENT_MARK]);

/**
 * The section's content as ProseMirror JSON, read straight from the Y.XmlFragment (the way
 * y-prosemirror stores it: elements by node name, text with marks as format attributes, marks
 * that may overlap keyed `name--hash`). Comment anchors are left out: this is the approved text.
 */
export function layoutJson(fragment: Y.XmlFragment): LayoutNode {
  return { type: 'doc', content: children(fragment) };
}

function children(parent: Y.XmlFragment | Y.XmlElement): LayoutNode[] {
  const out: LayoutNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      // an edit can leave two text children side by side: one run of text to layout and to compare
      for (const node of textNodes(child)) {
        const previous = out.at(-1);
        if (previous?.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) previous.text += node.text!;
        else out.push(node);
      }
    }
    else if (child instanceof Y.XmlElement) {
      const attrs = child.getAttributes();
      const node: LayoutNode = { type: child.nodeName };
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      const content = children(child);
      if (content.length > 0) node.content = content;
      out.push(node);
    }
  }
  return out;
}

function textNodes(text: Y.XmlText): LayoutNode[] {
  const out: LayoutNode[] = [];
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const marks = Object.entries(op.attributes ?? {})
      .map(([key, attrs]) => ({ type: key.split('--')[0]!, attrs }))
      .filter((mark) => !CONVERSATION_MARKS.has(mark.type))
      .map((mark) => (mark.attrs && typeof mark.attrs === 'object' && Object.keys(mark.attrs).length > 0 ? { type: mark.type, attrs: mark.attrs as Record<string, unknown> } : { type: mark.type }));
    // without the comment marks, neighbouring runs may carry the same marks again: join them
    const previous = out.at(-1);
    if (previous && JSON.stringify(previous.marks ?? []) === JSON.stringify(marks)) previous.text += op.insert;
    else out.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
  }
  return out;
}
