import type { EditorView } from '@tiptap/pm/view';

/** Sets attributes of the node at `getPos()` (one undoable step, synced like any edit). */
export function setNodeAttributes(view: EditorView, getPos: () => number | undefined, attrs: Record<string, unknown>): void {
  const pos = getPos();
  if (pos === undefined) return;
  const node = view.state.doc.nodeAt(pos);
  if (!node) return;
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
}

/** Keeps an input showing the stored value unless the person is typing in it. */
export function syncInput(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}
