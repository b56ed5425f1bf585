import type { EditorState, Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { Fragment } from '@tiptap/pm/model';
import { decodePosition, encodePosition } from './anchors.ts';
import type { Draft } from './drafts.ts';

/** What a refused edit becomes: the draft to keep, one to send first, and where the caret goes. */
export type Interception =
  | { kind: 'draft'; draft: Draft | null; flush: Draft | null; caret: number | null }
  | { kind: 'unsupported' }
  /** Not the suggester's doing (the editor keeping an empty paragraph at the end): refused without a word. */
  | { kind: 'ignored' };

/** Text of inserted content when it is only text (in at most one block); null for anything else. */
function plainText(content: Fragment): string | null {
  let ok = true;
  let blocks = 0;
  content.descendants((node) => {
    if (node.isText) return false;
    if (node.isTextblock && node.type.name === 'paragraph') {
      blocks++;
      return true;
    }
    if (node.type.name === 'hardBreak') return false;
    ok = false;
    return false;
  });
  if (!ok || blocks > 1) return null;
  return content.textBetween(0, content.size, ' ', ' ');
}

/**
 * Turns an edit the suggester's editor refused into a draft suggestion: typing inserts, Backspace
 * and Delete delete, typing over a selection replaces. Consecutive keystrokes at the same place
 * extend the current draft; anything else sends the current draft first.
 */
export function interceptEdit(state: EditorState, tr: Transaction, current: Draft | null): Interception {
  if (tr.steps.length !== 1 || !(tr.steps[0] instanceof ReplaceStep)) return { kind: 'unsupported' };
  const step = tr.steps[0] as ReplaceStep & { from: number; to: number };
  const { from, to, slice } = step;
  const emptyBlocksAtEnd =
    from === to && to === state.doc.content.size && slice.openStart === 0 && slice.content.textBetween(0, slice.content.size) === '' && slice.content.childCount > 0;
  if (emptyBlocksAtEnd) return { kind: 'ignored' };
  const text = slice.size > 0 ? plainText(slice.content) : '';
  if (text === null) return { kind: 'unsupported' };
  const deleted = to > from ? state.doc.textBetween(from, to, '\n', ' ') : '';
  if (to > from && !deleted) return { kind: 'unsupported' }; // joining blocks, removing a picture
  if (!text && !deleted) return { kind: 'unsupported' };

  const at = current ? decodePosition(state, current.at) : null;
  const delFrom = current ? decodePosition(state, current.deleteFrom) : null;
  const delTo = current ? decodePosition(state, current.deleteTo) : null;
  const { selection } = state;

  if (text && !deleted) {
    if (current && current.text && (at === from || current.expectAt === from)) {
      return { kind: 'draft', draft: { ...current, text: current.text + text, expectAt: from }, flush: null, caret: null };
    }
    // typing right after backspacing: the deletion becomes a replacement
    if (current && current.deleteFrom && !current.text && (from === delFrom || from === delTo)) {
      return { kind: 'draft', draft: { ...current, at: current.deleteTo, text, expectAt: delTo ?? undefined }, flush: null, caret: delTo };
    }
    const position = encodePosition(state, from, -1);
    if (!position) return { kind: 'unsupported' };
    return { kind: 'draft', draft: { deleteFrom: null, deleteTo: null, at: position, text, expectAt: from }, flush: current, caret: null };
  }

  if (!text) {
    // Backspace inside the text being suggested
    if (current && current.text && (at === to || current.expectAt === to) && to - from === 1) {
      const shorter = current.text.slice(0, -1);
      const draft = shorter || current.deleteFrom ? { ...current, text: shorter } : null;
      return { kind: 'draft', draft, flush: null, caret: null };
    }
    if (current && current.deleteFrom && !current.text && delFrom !== null && delTo !== null) {
      if (to === delFrom) {
        const start = encodePosition(state, from, 0);
        if (start) return { kind: 'draft', draft: { ...current, deleteFrom: start }, flush: null, caret: from };
      }
      if (from === delTo) {
        const end = encodePosition(state, to, -1);
        if (end) return { kind: 'draft', draft: { ...current, deleteTo: end }, flush: null, caret: to };
      }
    }
  }

  const start = encodePosition(state, from, 0);
  const end = encodePosition(state, to, -1);
  if (!start || !end) return { kind: 'unsupported' };
  // Backspace leaves the caret before the struck text, Delete after it, typing over a selection after it.
  const caret = text ? to : selection.empty && selection.from === from ? to : from;
  return { kind: 'draft', draft: { deleteFrom: start, deleteTo: end, at: text ? end : null, text, expectAt: text ? to : undefined }, flush: current, caret };
}
