import type { Editor } from '@tiptap/react';
import { type DependencyList, useEffect, useRef } from 'react';

/**
 * `useEffect` for passing a changed value to an editor, skipped in the render that created it: the
 * editor was made with that render's values, and telling it again is a full redraw of the view
 * (tens of milliseconds with 1,500 words on a phone) on the way to an editable section.
 */
export function useEditorChangeEffect(editor: Editor, effect: () => void, deps: DependencyList): void {
  const told = useRef<Editor | null>(null);
  useEffect(() => {
    if (told.current !== editor) {
      told.current = editor;
      return;
    }
    if (!editor.isDestroyed) effect();
    // the caller's dependencies, with the editor
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, ...deps]);
}
