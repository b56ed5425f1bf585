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
        if (!editor.isDestroyed) setRanges(threadRanges(editor.state.doc));
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
