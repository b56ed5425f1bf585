import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { threadRanges, type ThreadRange } from './threadRanges.ts';

/** Where each thread's anchor is in the open editor, kept current as the text changes. */
export function useThreadRanges(editor: Editor | null): Map<string, ThreadRange> {
  const [ranges, setRanges] = useState<Map<string, ThreadRange>>(() => new Map());
  useEffect(() => {
    if (!editor) return undefined;
    let frame = 0;
    const update = () => {
      // many transactions can arrive in one frame (remote typing): read the document once
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (editor.isDestroyed) return;
        const next = threadRanges(editor.state.doc);
        // typing moves the anchors after the caret only: keep the same map (no re-render) when none moved
        setRanges((previous) => (sameRanges(previous, next) ? previous : next));
      });
    };
    update();
    editor.on('update', update);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', update);
    };
  }, [editor]);
  return ranges;
}

function sameRanges(a: Map<string, ThreadRange>, b: Map<string, ThreadRange>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, range] of a) {
    const other = b.get(id);
    if (!other || other.from !== range.from || other.to !== range.to) return false;
  }
  return true;
}
