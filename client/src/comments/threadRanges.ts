import type { Node as PMNode } from '@tiptap/pm/model';
import { COMMENT_MARK } from '@dalil/shared';

export interface ThreadRange {
  from: number;
  to: number;
}

/** Where each thread's mark sits in the editor's document (first to last marked character). */
export function threadRanges(doc: PMNode): Map<string, ThreadRange> {
  const ranges = new Map<string, ThreadRange>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== COMMENT_MARK) continue;
      const threadId = mark.attrs.threadId as string | null;
      if (!threadId) continue;
      const range = ranges.get(threadId);
      const end = pos + node.nodeSize;
      if (range) range.to = end;
      else ranges.set(threadId, { from: pos, to: end });
    }
    return false;
  });
  return ranges;
}
