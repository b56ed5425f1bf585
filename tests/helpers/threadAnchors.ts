import * as Y from 'yjs';
import { SECTION_FRAGMENT, anchoredText, encodeAnchorPosition, findText as findTextInSection, type ThreadAnchorBody } from '@dalil/shared';

/** The Y.XmlText holding `needle` and where, searching the section in document order. */
export function findText(doc: Y.Doc, needle: string): { text: Y.XmlText; index: number } {
  const found = findTextInSection(doc.getXmlFragment(SECTION_FRAGMENT), needle);
  if (!found) throw new Error(`"${needle}" is not in the section`);
  return found;
}

/** An anchor on the first occurrence of `needle`, as a client computes it (relative positions). */
export function anchorOn(doc: Y.Doc, needle: string): ThreadAnchorBody {
  const { text, index } = findText(doc, needle);
  return {
    start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index)),
    end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index + needle.length)),
  };
}

/** Text carrying each thread's mark in this copy of the section. */
export function threadTexts(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries(anchoredText(doc.getXmlFragment(SECTION_FRAGMENT)));
}

/** Writes paragraphs of plain text at the end of a section, as one edit. */
export function appendParagraphs(doc: Y.Doc, paragraphs: string[]): void {
  const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
  const elements = paragraphs.map((line) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  doc.transact(() => fragment.insert(fragment.length, elements));
}
