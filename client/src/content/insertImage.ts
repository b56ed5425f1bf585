import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { endProgress, reportProgress, UPLOADING_PREFIX } from './uploadProgress.ts';
import { uploadImage } from './imageUpload.ts';

function findByMissing(editor: Editor, missing: string): { pos: number; node: PmNode } | null {
  let found: { pos: number; node: PmNode } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'figure' && node.attrs.missing === missing) found = { pos, node };
    return !found;
  });
  return found;
}

function waitOnline(): Promise<void> {
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

/** A new placeholder token: the figure carries it until its image is stored. */
export function newUploadToken(): string {
  return `${UPLOADING_PREFIX}${crypto.randomUUID()}`;
}

/**
 * Uploads the image for a placeholder figure already in the text (carrying `missing: token`), then
 * points the figure at the stored image. Offline, it waits for the connection. If the store refuses
 * the file, the placeholder is removed (no broken node) and the reason is reported.
 */
export async function uploadIntoFigure(editor: Editor, guideId: string, token: string, file: Blob, onError: (reason: string) => void): Promise<void> {
  const id = token.slice(UPLOADING_PREFIX.length);
  try {
    await waitOnline();
    const image = await uploadImage(guideId, file, (percent) => reportProgress(id, percent));
    if (editor.isDestroyed) return;
    const target = findByMissing(editor, token);
    if (!target) return; // the placeholder was deleted meanwhile
    editor.view.dispatch(
      editor.state.tr.setNodeMarkup(target.pos, undefined, {
        ...target.node.attrs,
        imageId: image.id,
        src: image.url,
        width: image.width,
        height: image.height,
        missing: null,
      }),
    );
  } catch (error) {
    if (!editor.isDestroyed) {
      const target = findByMissing(editor, token);
      if (target) editor.view.dispatch(editor.state.tr.delete(target.pos, target.pos + target.node.nodeSize));
    }
    onError(error instanceof Error ? error.message : String(error));
  } finally {
    endProgress(id);
  }
}

/** Inserts a figure for a chosen or dropped file and uploads it; the figure shows progress meanwhile. */
export function insertImageFile(editor: Editor, guideId: string, file: File, onError: (reason: string) => void): void {
  const token = newUploadToken();
  editor.chain().focus().insertFigure({ missing: token, alt: '' }).run();
  void uploadIntoFigure(editor, guideId, token, file, onError);
}
