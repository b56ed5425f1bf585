import type { EditorState, Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import type { Fragment, Slice } from '@tiptap/pm/model';
import { SUGGESTABLE_MARKS, type CreateSuggestionBody, type SuggestableMark } from '@dalil/shared/api/suggestions.ts';
import { decodePosition, encodePosition } from './anchors.ts';
import type { Draft } from './drafts.ts';

/** What a refused edit becomes: the draft to keep, one to send first, and where the caret goes. */
export type Interception =
  | { kind: 'draft'; draft: Draft | null; flush: Draft | null; caret: number | null }
  /** A formatting change: sent at once (after the draft being typed, if any). */
  | { kind: 'format'; body: CreateSuggestionBody; flush: Draft | null }
  | { kind: 'unsupported' }
  /** Not the suggester's doing (the editor keeping an empty paragraph at the end): refused without a word. */
  | { kind: 'ignored' };

/** Text blocks an insertion may run across (splitting a heading, as Enter does, keeps it one). */
const SPLITTABLE = new Set(['paragraph', 'heading']);

/**
 * Text of inserted content when it is only text: in one paragraph, or across several text blocks
 * opened on both sides (Enter, pasting paragraphs), '\n' between them; null for anything else.
 */
function plainText(slice: Slice): string | null {
  const content: Fragment = slice.content;
  let ok = true;
  let blocks = 0;
  let onlyParagraphs = true;
  content.descendants((node) => {
    if (node.isText) return false;
    if (node.isTextblock && SPLITTABLE.has(node.type.name)) {
      blocks++;
      if (node.type.name !== 'paragraph') onlyParagraphs = false;
      return true;
    }
    if (node.type.name === 'hardBreak') return false;
    ok = false;
    return false;
  });
  if (!ok) return null;
  if (blocks <= 1) return onlyParagraphs ? content.textBetween(0, content.size, ' ', ' ') : null;
  // closed blocks would be whole new blocks of their own kind, not text split into the current one
  if (slice.openStart < 1 || slice.openEnd < 1 || content.childCount !== blocks) return null;
  return content.textBetween(0, content.size, '\n', ' ');
}

/** A mark toggled on a selection (toolbar, Ctrl+B/I/U) as a formatting suggestion; null for any other kind of step. */
function formatChange(state: EditorState, tr: Transaction): { body: CreateSuggestionBody } | 'unsupported' | null {
  const marks = tr.steps.filter((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep) as Array<AddMarkStep | RemoveMarkStep>;
  if (marks.length === 0) return null;
  if (marks.length !== tr.steps.length) return 'unsupported';
  const names = new Set(marks.map((step) => step.mark.type.name));
  const adds = new Set(marks.map((step) => step instanceof AddMarkStep));
  const [name] = [...names];
  if (names.size !== 1 || adds.size !== 1 || !SUGGESTABLE_MARKS.includes(name as SuggestableMark)) return 'unsupported';
  // The selection is the range meant (adding bold skips what is bold already, the steps do not cover it).
  let from = Math.min(...marks.map((step) => step.from));
  let to = Math.max(...marks.map((step) => step.to));
  if (!state.selection.empty) {
    from = Math.min(from, state.selection.from);
    to = Math.max(to, state.selection.to);
  }
  const start = encodePosition(state, from, 0);
  const end = encodePosition(state, to, -1);
  if (!start || !end || !state.doc.textBetween(from, to, '\n', '').trim()) return 'unsupported';
  return { body: { format: { from: start, to: end, mark: name as SuggestableMark, action: adds.has(true) ? 'add' : 'remove' } } };
}

/**
 * Turns an edit the suggester's editor refused into a draft suggestion: typing inserts (Enter and
 * pasted paragraphs too), Backspace and Delete delete, typing over a selection replaces, a mark
 * toggled on a selection is a formatting suggestion. Consecutive keystrokes at the same place
 * extend the current draft; anything else sends the current draft first.
 */
export function interceptEdit(state: EditorState, tr: Transaction, current: Draft | null): Interception {
  const format = formatChange(state, tr);
  if (format === 'unsupported') return { kind: 'unsupported' };
  if (format) return { kind: 'format', body: format.body, flush: current };
  if (tr.steps.length !== 1 || !(tr.steps[0] instanceof ReplaceStep)) return { kind: 'unsupported' };
  const step = tr.steps[0] as ReplaceStep & { from: number; to: number };
  const { from, to, slice } = step;
  const emptyBlocksAtEnd =
    from === to && to === state.doc.content.size && slice.openStart === 0 && slice.content.textBetween(0, slice.content.size) === '' && slice.content.childCount > 0;
  if (emptyBlocksAtEnd) return { kind: 'ignored' };
  const text = slice.size > 0 ? plainText(slice) : '';
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
