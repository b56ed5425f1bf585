import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { encodeAnchorPosition, type ThreadAnchorBody } from '@dalil/shared';

export interface SelectionAnchor {
  anchor: ThreadAnchorBody;
  from: number;
  to: number;
  /** The selected text, shown while the comment is being written. */
  quote: string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_'’-]/u;

/**
 * The anchor of a new comment: the selected text, or the word at the caret. Positions are Yjs
 * relative positions, so they still mean the same characters when they reach the server after
 * other people's edits.
 */
export function anchorFromSelection(editor: Editor): SelectionAnchor | null {
  let { from, to } = editor.state.selection;
  if (from === to) {
    const $pos = editor.state.doc.resolve(from);
    const text = $pos.parent.textContent;
    let start = $pos.parentOffset;
    let end = start;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    if (start === end) return null;
    from = $pos.start() + start;
    to = $pos.start() + end;
  }
  const quote = editor.state.doc.textBetween(from, to, '\n').trim();
  if (!quote) return null;
  const binding = ySyncPluginKey.getState(editor.state)?.binding as { type: Y.XmlFragment; mapping: Map<unknown, unknown> } | undefined;
  if (!binding) return null;
  const start = absolutePositionToRelativePosition(from, binding.type, binding.mapping as never);
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping as never);
  return { anchor: { start: encodeAnchorPosition(start), end: encodeAnchorPosition(end) }, from, to, quote };
}
