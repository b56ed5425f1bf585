import * as Y from 'yjs';
import type { TextSegment } from '@dalil/shared';

/** The first place a text appears inside one paragraph of a section, as a segment to mark. */
export function findQuote(fragment: Y.XmlFragment, quote: string): TextSegment[] | null {
  const search = (node: Y.XmlFragment | Y.XmlElement): TextSegment[] | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '\u0000')).join('');
        const index = plain.indexOf(quote);
        if (index >= 0) return [{ text: child, index, length: quote.length }];
      } else if (child instanceof Y.XmlElement) {
        const found = search(child);
        if (found) return found;
      }
    }
    return null;
  };
  return search(fragment);
}
