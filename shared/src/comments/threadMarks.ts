import * as Y from 'yjs';
import { commentAttributeKey, threadIdOfAttribute } from './commentMark.ts';
import type { TextSegment } from './anchorRange.ts';

/** Puts a thread's comment mark on segments (the server does this: commenters cannot edit text). */
export function markSegments(segments: TextSegment[], threadId: string): void {
  const key = commentAttributeKey(threadId);
  for (const { text, index, length } of segments) text.format(index, length, { [key]: { threadId } });
}

/** Removes every comment mark of a thread from a section. */
export function unmarkThread(fragment: Y.XmlFragment, threadId: string): void {
  forEachText(fragment, (text) => {
    let offset = 0;
    const removals: Array<{ offset: number; length: number; key: string }> = [];
    for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        if (threadIdOfAttribute(key, value) === threadId) removals.push({ offset, length, key });
      }
      offset += length;
    }
    for (const r of removals) text.format(r.offset, r.length, { [r.key]: null });
  });
}

/** Text currently carrying each thread's mark, by thread id (threads without any text are absent). */
export function anchoredText(fragment: Y.XmlFragment): Map<string, string> {
  const found = new Map<string, string>();
  forEachText(fragment, (text) => {
    for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
      if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const threadId = threadIdOfAttribute(key, value);
        if (threadId) found.set(threadId, (found.get(threadId) ?? '') + op.insert);
      }
    }
  });
  return found;
}

/** Visits a section's text nodes in document order; stops when `visit` returns true (and says so). */
export function forEachText(node: Y.XmlFragment | Y.XmlElement, visit: (text: Y.XmlText) => boolean | void): boolean {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText ? visit(child) === true : child instanceof Y.XmlElement && forEachText(child, visit)) return true;
  }
  return false;
}
