import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';

/** Whether words are selected in the editor (the selection stays in its state after a tap elsewhere). */
export function useHasSelection(editor: Editor | null): boolean {
  const [selected, setSelected] = useState(false);
  useEffect(() => {
    if (!editor) return undefined;
    const update = () => setSelected(!editor.isDestroyed && !editor.state.selection.empty);
    update();
    editor.on('selectionUpdate', update);
    editor.on('update', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('update', update);
    };
  }, [editor]);
  return selected;
}
