import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import type { ThreadView } from '@dalil/shared';

interface EditorThreadEvents {
  threads: ThreadView[];
  /** Highlighted words of an open thread were clicked. */
  onOpenThread: (threadId: string) => void;
  /** Ctrl+Alt+M (⌘+Alt+M): comment the selection. */
  onStartThread: () => void;
}

/**
 * Clicking highlighted text opens its thread; Ctrl+Alt+M comments the selection. The listeners are
 * bound once per editor and read the current threads and callbacks through a ref.
 */
export function useEditorThreadEvents(editor: Editor | null, events: EditorThreadEvents): void {
  const current = useRef(events);
  current.current = events;
  useEffect(() => {
    if (!editor) return undefined;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-thread-id]');
      const id = target?.dataset.threadId;
      if (id && current.current.threads.some((th) => th.id === id && th.status === 'open')) current.current.onOpenThread(id);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
        event.preventDefault();
        current.current.onStartThread();
      }
    };
    dom.addEventListener('click', onClick);
    dom.addEventListener('keydown', onKeyDown);
    return () => {
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('keydown', onKeyDown);
    };
  }, [editor]);
}
