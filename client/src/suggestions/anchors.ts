import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeAnchorPosition, encodeAnchorPosition } from '@dalil/shared';

interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
}

function bindingOf(state: EditorState): Binding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as Binding | undefined;
  return binding && binding.doc ? binding : null;
}

/**
 * A ProseMirror position as a Yjs relative position (base64), so that it means the same place on
 * the server and after other people's edits. `assoc` -1 sticks to the character on the left
 * (where typed text goes), 0 to the character on the right (the first character of a deletion).
 */
export function encodePosition(state: EditorState, pos: number, assoc: -1 | 0 = -1): string | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  let relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never);
  if (assoc === 0) {
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
    if (absolute && absolute.type instanceof Y.XmlText && absolute.index < absolute.type.length) {
      relative = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
    }
  }
  return encodeAnchorPosition(relative);
}

/** Where an encoded relative position is in the editor's document now; null when unknown here. */
export function decodePosition(state: EditorState, encoded: string | null): number | null {
  if (!encoded) return null;
  const binding = bindingOf(state);
  const relative = decodeAnchorPosition(encoded);
  if (!binding || !relative) return null;
  const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
  return pos === null ? null : Math.max(0, Math.min(pos, state.doc.content.size));
}
