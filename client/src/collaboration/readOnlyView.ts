import * as Y from 'yjs';

/**
 * For roles without text-edit rights: a copy of the section's document for the editor to show.
 * Updates flow one way, from the document that the socket and IndexedDB share into the view, so
 * nothing done to the view can be stored on this device or sent to the server. The editor refuses
 * edits anyway (`readOnlyGuard`); this makes sure that a change forced from the developer tools
 * stays in this tab's memory and is gone on reload. (Throwing such a view away and rebuilding it
 * could loop: the editor binding may itself normalise content into the view it shows.)
 */
export function readOnlyView(shared: Y.Doc): { view: Y.Doc; dispose: () => void } {
  const view = new Y.Doc();
  Y.applyUpdate(view, Y.encodeStateAsUpdate(shared));
  const copy = (update: Uint8Array): void => Y.applyUpdate(view, update);
  shared.on('update', copy);
  return {
    view,
    dispose: () => {
      shared.off('update', copy);
      view.destroy();
    },
  };
}
