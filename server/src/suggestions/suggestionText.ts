import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, decodeAnchorPosition, resolveRange, segmentsText, type TextSegment } from '@dalil/shared';
import { sectionSchema } from '@dalil/shared/editor';
import type { SuggestedBlock } from '@dalil/shared/api/suggestions.ts';

/** What a suggestion changes, with its anchors still encoded (as stored and sent). */
export interface SuggestionChange {
  deleteFrom: string | null;
  deleteTo: string | null;
  at: string | null;
  text: string;
  block: SuggestedBlock | null;
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

function insertText(at: Y.AbsolutePosition, text: string): void {
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
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  (type as Y.XmlFragment).insert(Math.min(at.index, (type as Y.XmlFragment).length), [paragraph]);
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
  const source = prosemirrorJSONToYDoc(sectionSchema(), { type: 'doc', content: [blockJson(block)] }, SECTION_FRAGMENT);
  try {
    const copies = source.getXmlFragment(SECTION_FRAGMENT).toArray().map((node) => (node as Y.XmlElement).clone());
    fragment.insert(Math.max(0, Math.min(index, fragment.length)), copies);
  } finally {
    source.destroy();
  }
}

/** A suggested box as a ProseMirror node: one paragraph per line of its text. */
export function blockJson(block: SuggestedBlock): object {
  const paragraphs = block.text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' }));
  return { type: 'callout', attrs: { kind: block.kind }, content: paragraphs };
}
