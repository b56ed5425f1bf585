import type { EditorState, Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import type { Fragment, Node as PmNode, Slice } from '@tiptap/pm/model';
import { SUGGESTABLE_MARKS, type SuggestableMark } from '@dalil/shared/api/suggestionRules.ts';
import type { CreateSuggestionBody, SuggestedBlockJson } from '@dalil/shared/api/suggestions.ts';
import { decodePosition, encodePosition } from './anchors.ts';
import type { Draft } from './drafts.ts';

/** What a refused edit becomes: the draft to keep, one to send first, and where the caret goes. */
export type Interception =
  | { kind: 'draft'; draft: Draft | null; flush: Draft | null; caret: number | null }
  /** A formatting change: sent at once (after the draft being typed, if any). */
  | { kind: 'format'; body: CreateSuggestionBody; flush: Draft | null }
  /** Whole blocks inserted (a table, a figure, a box, a heading or list in an empty paragraph...): completed in the block composer, then sent. */
  | { kind: 'blocks'; proposal: BlockProposal; flush: Draft | null }
  | { kind: 'unsupported' }
  /** Not the suggester's doing (the editor keeping an empty paragraph at the end): refused without a word. */
  | { kind: 'ignored' };

/** Blocks proposed as a whole: what they are (ProseMirror JSON) and after which top-level block they go. */
export interface BlockProposal {
  /** Encoded position inside the top-level block they follow (or the document's start). */
  at: string;
  content: SuggestedBlockJson[];
}

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
 * Block JSON as the shared schema writes it: the editor's `textDirection: 'auto'` option gives
 * every node a `dir` attribute the schema itself does not have; at its default it says nothing.
 */
export function schemaJson(node: SuggestedBlockJson): SuggestedBlockJson {
  const { attrs, content, ...rest } = node;
  const out: SuggestedBlockJson = { ...rest };
  if (attrs) {
    const { dir, ...others } = attrs;
    const kept = dir === 'auto' || dir === undefined ? others : attrs;
    if (Object.keys(kept).length > 0) out.attrs = kept;
  }
  if (content) out.content = content.map(schemaJson);
  return out;
}

const isEmptyParagraph = (node: PmNode) => node.type.name === 'paragraph' && node.content.size === 0;
/** A paragraph of plain text: inserting such paragraphs is typing, suggested as text. */
const isPlainParagraph = (node: PmNode) => {
  if (node.type.name !== 'paragraph') return false;
  let plain = true;
  node.forEach((child) => {
    if (!child.isText && child.type.name !== 'hardBreak') plain = false;
  });
  return plain;
};

function children(doc: PmNode, from: number, to: number): PmNode[] {
  const out: PmNode[] = [];
  for (let i = from; i < to; i++) out.push(doc.child(i));
  return out;
}

/**
 * Whole top-level blocks the edit inserts, compared block by block with the document before it:
 * new blocks between unchanged ones, new blocks where an empty paragraph stood (a table inserted
 * in the empty line the caret was on), or new blocks splitting a paragraph (inserted mid-text: they
 * are proposed after that paragraph). Null for any other change, and when the new blocks are only
 * plain paragraphs (typing, suggested as text).
 */
export function blockInsertion(state: EditorState, after: PmNode): BlockProposal | null {
  const before = state.doc;
  const n = before.childCount;
  const m = after.childCount;
  let prefix = 0;
  while (prefix < n && prefix < m && before.child(prefix).eq(after.child(prefix))) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && before.child(n - 1 - suffix).eq(after.child(m - 1 - suffix))) suffix++;
  const removed = children(before, prefix, n - suffix);
  let added = children(after, prefix, m - suffix);
  let follows = prefix - 1;
  const split = removed.length === 1 && added.length >= 3 ? { old: removed[0]!, first: added[0]!, last: added[added.length - 1]! } : null;
  if (split && split.old.isTextblock && split.first.type === split.old.type && split.last.type === split.old.type && split.first.content.append(split.last.content).eq(split.old.content)) {
    added = added.slice(1, -1);
    follows = prefix;
  } else if (!removed.every(isEmptyParagraph)) {
    return null;
  }
  if (added.length === 0 || added.every(isPlainParagraph)) return null;
  let at: string | null;
  if (follows < 0) {
    at = encodePosition(state, 0, 0);
  } else {
    let start = 0;
    for (let i = 0; i < follows; i++) start += before.child(i).nodeSize;
    // inside the block, at its end: the server walks up from there to the top-level block
    at = encodePosition(state, start + before.child(follows).nodeSize - 1, -1);
  }
  return at ? { at, content: added.map((node) => schemaJson(node.toJSON() as SuggestedBlockJson)) } : null;
}

/** An empty proposal after the top-level block holding the caret (a figure chosen from a file is made in the composer). */
export function proposalAfterCaret(state: EditorState): BlockProposal | null {
  const $from = state.selection.$from;
  const end = $from.depth >= 1 ? $from.after(1) - 1 : 0;
  const at = encodePosition(state, end, $from.depth >= 1 ? -1 : 0);
  return at ? { at, content: [] } : null;
}

/**
 * A paragraph or heading turned into another kind of block (heading, paragraph, a one-item list, a
 * quote) with its content unchanged: the toolbar's block menu, list or quote button on a line of
 * text. Null for any other change.
 */
export function blockTypeChange(state: EditorState, after: PmNode): CreateSuggestionBody | null {
  const before = state.doc;
  if (before.childCount !== after.childCount) return null;
  let index = -1;
  for (let i = 0; i < before.childCount; i++) {
    if (before.child(i).eq(after.child(i))) continue;
    if (index >= 0) return null;
    index = i;
  }
  if (index < 0) return null;
  const old = before.child(index);
  const next = after.child(index);
  if (!['paragraph', 'heading'].includes(old.type.name) || old.content.size === 0) return null;
  const only = (node: PmNode, type: string) => (node.childCount === 1 && node.child(0).type.name === type ? node.child(0) : null);
  let target: { type: 'paragraph' | 'heading' | 'bulletList' | 'orderedList' | 'blockquote'; level?: number } | null = null;
  let inner: PmNode | null = null;
  if (next.type.name === 'paragraph' || next.type.name === 'heading') {
    inner = next;
    target = next.type.name === 'heading' ? { type: 'heading', level: Number(next.attrs.level) } : { type: 'paragraph' };
  } else if (next.type.name === 'bulletList' || next.type.name === 'orderedList') {
    const item = only(next, 'listItem');
    inner = item && only(item, 'paragraph');
    target = { type: next.type.name };
  } else if (next.type.name === 'blockquote') {
    inner = only(next, 'paragraph');
    target = { type: 'blockquote' };
  }
  if (!target || !inner || !inner.content.eq(old.content)) return null;
  let start = 0;
  for (let i = 0; i < index; i++) start += before.child(i).nodeSize;
  const at = encodePosition(state, start + 1, 0);
  return at ? { blockType: { at, ...target } } : null;
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
  const proposal = blockInsertion(state, tr.doc);
  if (proposal) return { kind: 'blocks', proposal, flush: current };
  const retype = blockTypeChange(state, tr.doc);
  if (retype) return { kind: 'format', body: retype, flush: current };
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
