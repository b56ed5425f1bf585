import type * as Y from 'yjs';
import type { TextSegment } from './anchorRange.ts';
import { forEachText } from './threadMarks.ts';

/**
 * The first place `needle` appears inside one Y.XmlText of a section, in document order (to anchor
 * a thread on known words: demo threads, tests). Null when it is not there.
 */
export function findText(fragment: Y.XmlFragment, needle: string): TextSegment | null {
  let found: TextSegment | null = null;
  forEachText(fragment, (text) => {
    // embeds count as one position, like in Yjs indexes
    const plain = (text.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '\u0000')).join('');
    const index = plain.indexOf(needle);
    if (index >= 0) found = { text, index, length: needle.length };
    return found !== null;
  });
  return found;
}
