import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, decodeAnchorPosition, resolveRange, segmentsText, type TextSegment } from '@dalil/shared';
import { asBlocks, sectionSchema } from '@dalil/shared/editor';
import type { SuggestedBlock, SuggestedBlockType, SuggestedFormat } from '@dalil/shared/api/suggestions.ts';

/** What a suggestion changes, with its anchors still encoded (as stored and sent). */
export interface SuggestionChange {
  deleteFrom: string | null;
  deleteTo: string | null;
  at: string | null;
  text: string;
  /** Whole blocks to insert; records written before any block could be suggested may hold the first, box-only shape. */
  block: SuggestedBlock | null;
  /** Absent in records written before formatting suggestions existed. */
  format?: SuggestedFormat | null;
  /** A paragraph or heading turned into another kind of block (absent in older records). */
  blockType?: SuggestedBlockType | null;
}

/** Blocks whose children are text: inserted text goes straight into them. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

/** Where an encoded relative position points in `doc` now; null when the position names items `doc` does not have (yet). */
export function resolvePosition(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  const relative = decodeAnchorPosition(encoded);
  return relative ? Y.createAbsolutePositionFromRelativePosition(relative, doc) : null;
}

/** The characters a suggestion deletes, as they are now; null when an anchor is unknown to the document. */
export function deletedSegments(doc: Y.Doc, change: Pick<SuggestionChange, 'deleteFrom' | 'deleteTo'>): TextSegment[] | null {
  if (!change.deleteFrom || !change.deleteTo) return [];
  const start = decodeAnchorPosition(change.deleteFrom);
  const end = decodeAnchorPosition(change.deleteTo);
  if (!start || !end) return null;
  return resolveRange(doc.getXmlFragment(SECTION_FRAGMENT), start, end);
}

/** The characters a formatting suggestion covers, as they are now; null when an anchor is unknown to the document. */
export function formattedSegments(doc: Y.Doc, format: Pick<SuggestedFormat, 'from' | 'to'>): TextSegment[] | null {
  const start = decodeAnchorPosition(format.from);
  const end = decodeAnchorPosition(format.to);
  if (!start || !end) return null;
  return resolveRange(doc.getXmlFragment(SECTION_FRAGMENT), start, end);
}

/** The text a suggestion deletes, read now (what others typed inside the range since is part of it). */
export function deletedText(doc: Y.Doc, change: Pick<SuggestionChange, 'deleteFrom' | 'deleteTo'>): string {
  return segmentsText(deletedSegments(doc, change) ?? []);
}

/**
 * Applies an accepted suggestion to the section's document (call inside one server transaction).
 * It changes only the anchored characters and inserts only the suggested content: the deletion
 * removes the characters between the two anchors, the insertion goes where `at` points now, a box
 * goes after the top-level block holding `at`. Returns false when an anchor cannot be resolved.
 */
export function applySuggestion(doc: Y.Doc, change: SuggestionChange): boolean {
  if (change.format) return applyFormat(doc, change.format);
  if (change.blockType) return applyBlockType(doc, change.blockType);
  const segments = deletedSegments(doc, change);
  if (segments === null) return false;
  for (const { text, index, length } of [...segments].reverse()) text.delete(index, length);
  if (!change.at || (!change.text && !change.block)) return true;
  const at = resolvePosition(doc, change.at);
  if (!at) return false;
  if (change.block) insertBlockAfter(doc.getXmlFragment(SECTION_FRAGMENT), at, change.block);
  else insertText(at, change.text);
  return true;
}

/**
 * Adds or removes a mark on exactly the characters between the format's anchors as they are now
 * (text others typed inside the range since is covered too). Marks are stored as y-prosemirror
 * does: an attribute named after the mark, its attributes as value (none for these marks).
 */
function applyFormat(doc: Y.Doc, format: SuggestedFormat): boolean {
  if (!sectionSchema().marks[format.mark]) return false;
  const segments = formattedSegments(doc, format);
  if (segments === null) return false;
  const value = format.action === 'add' ? {} : null;
  for (const { text, index, length } of segments) text.format(index, length, { [format.mark]: value });
  return true;
}

function insertText(at: Y.AbsolutePosition, text: string): void {
  const lines = text.split('\n');
  if (lines.length > 1) {
    insertParagraphs(at, lines);
    return;
  }
  insertRun(at, text);
}

function insertRun(at: Y.AbsolutePosition, text: string): void {
  const type = at.type;
  if (type instanceof Y.XmlText) {
    type.insert(at.index, text);
    return;
  }
  if (type instanceof Y.XmlElement && TEXT_BLOCKS.has(type.nodeName)) {
    const before = at.index > 0 ? type.get(at.index - 1) : null;
    const after = at.index < type.length ? type.get(at.index) : null;
    if (before instanceof Y.XmlText) before.insert(before.length, text);
    else if (after instanceof Y.XmlText) after.insert(0, text);
    else type.insert(at.index, [new Y.XmlText(text)]);
    return;
  }
  // Between blocks (the block the text was meant for is gone): the text becomes its own paragraph.
  (type as Y.XmlFragment).insert(Math.min(at.index, (type as Y.XmlFragment).length), [paragraphOf(text)]);
}

/**
 * Inserts several paragraphs where `at` points, as pressing Enter between them would: the first line
 * ends the text block holding `at`, the following lines are new paragraphs after it, and what
 * followed `at` in its block goes on after the last line (in a block of the same kind, as ProseMirror
 * splits). Between blocks, every line becomes its own paragraph.
 */
function insertParagraphs(at: Y.AbsolutePosition, lines: string[]): void {
  const block = textBlockOf(at);
  if (!block && at.type instanceof Y.XmlText) {
    // text outside any text block (not in this schema): kept as one run rather than lost
    insertRun(at, lines.join(' '));
    return;
  }
  if (!block) {
    const container = at.type as Y.XmlFragment | Y.XmlElement;
    container.insert(Math.min(at.index, container.length), lines.map((line) => paragraphOf(line)));
    return;
  }
  const { element, childIndex, textIndex } = block;
  // Cut what follows `at` out of the block: the rest of its text run (with marks) and the children after it.
  const children = element.toArray();
  const run = children[childIndex];
  let tailDelta: Array<{ insert: unknown; attributes?: Record<string, unknown> }> = [];
  if (run instanceof Y.XmlText && textIndex < run.length) {
    tailDelta = sliceDelta(run.toDelta() as typeof tailDelta, textIndex);
    run.delete(textIndex, run.length - textIndex);
  }
  const firstAfter = run instanceof Y.XmlText ? childIndex + 1 : childIndex;
  const tailChildren = children.slice(firstAfter).map((child) => (child as Y.XmlElement | Y.XmlText).clone());
  if (firstAfter < element.length) element.delete(firstAfter, element.length - firstAfter);

  // The first line goes at `at`, in the block itself.
  if (lines[0]) {
    if (run instanceof Y.XmlText) run.insert(textIndex, lines[0]);
    else element.insert(firstAfter, [new Y.XmlText(lines[0])]);
  }
  const parent = element.parent as Y.XmlFragment | Y.XmlElement;
  const position = parent.toArray().indexOf(element) + 1;
  const hasTail = tailDelta.length > 0 || tailChildren.length > 0;
  const created = lines.slice(1).map((line, i, rest) => {
    const last = i === rest.length - 1;
    const paragraph = last && hasTail ? sameKindAs(element) : new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  parent.insert(position, created);
  // The cut tail joins the last new block (once integrated: delta with marks needs a live type).
  const last = created[created.length - 1]!;
  if (tailDelta.length > 0) {
    const first = last.length > 0 ? (last.get(0) as Y.XmlText) : null;
    if (first) first.applyDelta([{ retain: first.length }, ...tailDelta]);
    else {
      const text = new Y.XmlText();
      last.insert(0, [text]);
      text.applyDelta(tailDelta);
    }
  }
  if (tailChildren.length > 0) last.insert(last.length, tailChildren);
}

/** The text block (paragraph, heading) `at` points into, with where inside it; null between blocks. */
function textBlockOf(at: Y.AbsolutePosition): { element: Y.XmlElement; childIndex: number; textIndex: number } | null {
  if (at.type instanceof Y.XmlText) {
    const element = at.type.parent;
    if (!(element instanceof Y.XmlElement) || !TEXT_BLOCKS.has(element.nodeName)) return null;
    return { element, childIndex: element.toArray().indexOf(at.type), textIndex: at.index };
  }
  if (at.type instanceof Y.XmlElement && TEXT_BLOCKS.has(at.type.nodeName)) {
    // between inline children: continue the text run on the left when there is one
    const before = at.index > 0 ? at.type.get(at.index - 1) : null;
    if (before instanceof Y.XmlText) return { element: at.type, childIndex: at.index - 1, textIndex: before.length };
    return { element: at.type, childIndex: at.index, textIndex: 0 };
  }
  return null;
}

function sliceDelta<T extends { insert: unknown }>(delta: T[], from: number): T[] {
  const out: T[] = [];
  let offset = 0;
  for (const op of delta) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (offset + length > from) {
      const skip = Math.max(0, from - offset);
      out.push(typeof op.insert === 'string' && skip > 0 ? { ...op, insert: op.insert.slice(skip) } : op);
    }
    offset += length;
  }
  return out;
}

function sameKindAs(element: Y.XmlElement): Y.XmlElement {
  const copy = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(element.getAttributes())) copy.setAttribute(key, value as string);
  return copy;
}

function paragraphOf(line: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  if (line) paragraph.insert(0, [new Y.XmlText(line)]);
  return paragraph;
}

function insertBlockAfter(fragment: Y.XmlFragment, at: Y.AbsolutePosition, block: SuggestedBlock): void {
  let index: number;
  if (at.type === fragment) {
    index = at.index;
  } else {
    let node = at.type as Y.XmlElement | Y.XmlText;
    while (node.parent && node.parent !== fragment) node = node.parent as Y.XmlElement;
    index = fragment.toArray().indexOf(node) + 1;
  }
  // Built by the same binding the editors use, then copied in: the inserted items are exactly those blocks.
  const source = prosemirrorJSONToYDoc(sectionSchema(), { type: 'doc', content: asBlocks(block).content }, SECTION_FRAGMENT);
  try {
    const copies = source.getXmlFragment(SECTION_FRAGMENT).toArray().map((node) => (node as Y.XmlElement).clone());
    fragment.insert(Math.max(0, Math.min(index, fragment.length)), copies);
  } finally {
    source.destroy();
  }
}

/** The top-level block holding an encoded position, with its index; null when the position is unknown or gone. */
export function topBlockAt(doc: Y.Doc, encoded: string): { element: Y.XmlElement; index: number } | null {
  const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
  const at = resolvePosition(doc, encoded);
  if (!at || at.type === fragment) return null;
  let node = at.type as Y.XmlElement | Y.XmlText;
  while (node.parent && node.parent !== fragment) node = node.parent as Y.XmlElement;
  const index = fragment.toArray().indexOf(node);
  return index >= 0 && node instanceof Y.XmlElement ? { element: node, index } : null;
}

/** Whether a block-type change would change that block: it is a paragraph or heading, and not already of that type (and level). */
export function canRetype(element: Y.XmlElement, change: SuggestedBlockType): boolean {
  if (!TEXT_BLOCKS.has(element.nodeName)) return false;
  if (element.nodeName !== change.type) return true;
  return change.type === 'heading' && Number(element.getAttribute('level')) !== change.level;
}

/**
 * Turns the paragraph or heading holding the anchor into the suggested kind of block, its inline
 * content (text with marks, comment anchors, footnotes) copied as it reads now: a paragraph or a
 * heading of that level, or a one-item list, or a quote, around a paragraph of that content.
 */
function applyBlockType(doc: Y.Doc, change: SuggestedBlockType): boolean {
  const found = topBlockAt(doc, change.at);
  if (!found) return false;
  const { element, index } = found;
  if (!canRetype(element, change)) return TEXT_BLOCKS.has(element.nodeName);
  const inline = element.toArray().map((child) => (child as Y.XmlElement | Y.XmlText).clone());
  const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
  fragment.delete(index, 1);
  const textBlock = new Y.XmlElement(change.type === 'heading' ? 'heading' : 'paragraph');
  if (change.type === 'heading') textBlock.setAttribute('level', (change.level ?? 2) as unknown as string);
  if (change.type === 'paragraph' || change.type === 'heading') {
    fragment.insert(index, [textBlock]);
  } else if (change.type === 'blockquote') {
    const quote = new Y.XmlElement('blockquote');
    fragment.insert(index, [quote]);
    quote.insert(0, [textBlock]);
  } else {
    const list = new Y.XmlElement(change.type);
    const item = new Y.XmlElement('listItem');
    fragment.insert(index, [list]);
    list.insert(0, [item]);
    item.insert(0, [textBlock]);
  }
  if (inline.length > 0) textBlock.insert(0, inline);
  return true;
}
