import { Extension } from '@tiptap/core';

/**
 * TipTap's React `EditorContent` gives the editor its node views a second time once it holds the
 * editor, for React node views to render; ProseMirror takes new node-view functions as a reason to
 * redraw the whole document. Dalil's node views are plain DOM (content/*View.ts) and are set as the
 * view is created, so the second setting only built the section's DOM twice as it opened (≈ 60 ms
 * for 1,500 words on a CPU four times slower than a desktop's). A React node view would need this
 * extension removed.
 */
export const NodeViewsSetOnce = Extension.create({
  name: 'nodeViewsSetOnce',

  onBeforeCreate() {
    this.editor.createNodeViews = () => undefined;
  },
});
